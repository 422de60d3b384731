# tflint with its bundled Terraform ruleset, every rule on. The oci ruleset
# plugin is not used: it would be downloaded from GitHub at `tflint --init`.
config {
  call_module_type = "none"
}

plugin "terraform" {
  enabled = true
  preset  = "all"
}
