# What a person needs next: where the cluster answers, how to reach it, and
# what deploy/ needs. Secrets are marked sensitive; the database admin
# password is not an output at all (it is in an OCI Vault secret).

output "load_balancer_public_ip" {
  description = "Public IPv4 address of the network load balancer; point the DNS name(s) of var.domain at it."
  value       = local.load_balancer_ip
}

output "urls" {
  description = "Where the product answers once deploy/ has run: the UI, the HTTP API and Grafana (Traefik routes them by host)."
  value = {
    ui      = "https://${local.base_domain}/"
    api     = "https://api.${local.base_domain}/"
    grafana = "https://grafana.${local.base_domain}/"
  }
}

output "k3s_server_private_ip" {
  description = "Private IPv4 address of the K3s server (Kubernetes API on 6443)."
  value       = oci_core_instance.server.private_ip
}

output "k3s_agent_private_ips" {
  description = "Private IPv4 addresses of the K3s agents."
  value       = oci_core_instance.agent[*].private_ip
}

output "bastion_id" {
  description = "OCID of the Bastion through which every SSH and API session goes."
  value       = oci_bastion_bastion.this.id
}

output "bastion_ssh_session_command" {
  description = "Creates a managed SSH session to the K3s server (OCI CLI); `oci bastion session get` then prints the ssh command to use."
  value = join(" ", [
    "oci bastion session create-managed-ssh",
    "--region ${var.region}",
    "--bastion-id ${oci_bastion_bastion.this.id}",
    "--target-resource-id ${oci_core_instance.server.id}",
    "--target-os-username ubuntu",
    "--ssh-public-key-file ~/.ssh/id_ed25519.pub",
    "--session-ttl 10800",
    "--wait-for-state SUCCEEDED",
  ])
}

output "kubeconfig_command" {
  description = "How to fetch the kubeconfig and reach the Kubernetes API from an admin machine (README.md explains each step)."
  value       = <<-EOT
    # 1. A port-forwarding session to the API of the K3s server:
    oci bastion session create-port-forwarding --region ${var.region} \
      --bastion-id ${oci_bastion_bastion.this.id} \
      --target-private-ip ${local.server_private_ip} --target-port 6443 \
      --ssh-public-key-file ~/.ssh/id_ed25519.pub --session-ttl 10800 \
      --wait-for-state SUCCEEDED --query 'data.resources[0].identifier' --raw-output
    # 2. Keep a tunnel open (SESSION_OCID from step 1):
    ssh -i ~/.ssh/id_ed25519 -N -L 6443:${local.server_private_ip}:6443 -p 22 \
      "$SESSION_OCID@host.bastion.${var.region}.oci.oraclecloud.com" &
    # 3. Copy the kubeconfig through a managed SSH session (bastion_ssh_session_command),
    #    using the ssh command that `oci bastion session get` prints:
    #      <ssh command> 'sudo cat /etc/rancher/k3s/k3s.yaml' > kubeconfig
    #    It already names https://127.0.0.1:6443, the local end of the tunnel:
    chmod 600 kubeconfig
    KUBECONFIG=$PWD/kubeconfig kubectl get nodes
  EOT
}

output "database_id" {
  description = "OCID of the Autonomous Database."
  value       = oci_database_autonomous_database.this.id
}

output "database_private_endpoint" {
  description = "Private endpoint host name of the Autonomous Database (resolves inside the VCN only)."
  value       = oci_database_autonomous_database.this.private_endpoint
}

output "database_connection_strings" {
  description = "Connection strings of the Autonomous Database by service level (high, medium, low, tp, tpurgent), for the application's ODBC data source."
  value       = oci_database_autonomous_database.this.connection_strings[0].all_connection_strings
  sensitive   = true
}

output "database_admin_password_secret_id" {
  description = "OCID of the OCI Vault secret holding the ADMIN password (oci secrets secret-bundle get --secret-id ...)."
  value       = oci_vault_secret.database_admin_password.id
}

output "database_wallet_base64" {
  description = "Client wallet (zip, base64) when database_mtls_required is true; null otherwise. Its password is in the secret named by database_wallet_password_secret_id."
  value       = var.database_mtls_required ? oci_database_autonomous_database_wallet.this[0].content : null
  sensitive   = true
}

output "database_wallet_password_secret_id" {
  description = "OCID of the OCI Vault secret holding the wallet password when database_mtls_required is true; null otherwise."
  value       = var.database_mtls_required ? oci_vault_secret.database_wallet_password[0].id : null
}

output "vault_unseal" {
  description = "Settings of HashiCorp Vault's ocikms seal (deploy/): key OCID, crypto and management endpoints. Auth is by instance principal."
  value = {
    key_id              = oci_kms_key.unseal.id
    crypto_endpoint     = oci_kms_vault.this.crypto_endpoint
    management_endpoint = oci_kms_vault.this.management_endpoint
  }
}

output "backup_bucket" {
  description = "Object Storage namespace and bucket for database exports and Vault raft snapshots."
  value = {
    namespace = data.oci_objectstorage_namespace.this.namespace
    name      = oci_objectstorage_bucket.backups.name
  }
}
