"""French by default, English selectable."""

from __future__ import annotations

from collections.abc import Sized

import streamlit as st

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("Suivi de mon chien réactif", "Reactive dog tracker"),
    "welcome": ("Bienvenue", "Welcome"),
    "welcome_intro": (
        "Notez ce qui fait réagir votre chien, comment il réagit, et voyez s'il progresse.",
        "Record what sets your dog off, how it reacts, and see whether it gets better.",
    ),
    "login": ("Se connecter", "Log in"),
    "register": ("Créer un compte", "Create an account"),
    "forgot": ("Mot de passe oublié", "Forgot password"),
    "username": ("Nom d'utilisateur", "Username"),
    "password": ("Mot de passe", "Password"),
    "password_again": ("Confirmez le mot de passe", "Confirm the password"),
    "email_optional": ("E-mail (facultatif, pour réinitialiser)", "Email (optional, for resets)"),
    "email": ("E-mail", "Email"),
    "passwords_differ": ("Les mots de passe diffèrent.", "The passwords differ."),
    "registered": ("Compte créé : connectez-vous.", "Account created: log in."),
    "send_link": ("Envoyer le lien", "Send the link"),
    "link_sent": (
        "Si un compte a cet e-mail, un lien de réinitialisation vient d'être envoyé.",
        "If an account has this email, a reset link has just been sent.",
    ),
    "reset_off": (
        "La réinitialisation par e-mail n'est pas configurée ici.",
        "Password reset by email is not set up here.",
    ),
    "reset_title": ("Nouveau mot de passe", "New password"),
    "reset_done": ("Mot de passe changé : connectez-vous.", "Password changed: log in."),
    "first_login": ("Premiers pas", "First steps"),
    "first_intro": (
        "Choisissez les déclencheurs et réactions à reprendre, puis nommez votre chien.",
        "Pick the triggers and reactions to start with, then name your dog.",
    ),
    "dog_name": ("Nom du chien", "Dog's name"),
    "start": ("Commencer", "Start"),
    "new_observation": ("Nouvelle observation", "New observation"),
    "date": ("Date", "Date"),
    "dog": ("Chien", "Dog"),
    "severity": ("Intensité (1 = légère, 5 = très forte)", "Intensity (1 = mild, 5 = severe)"),
    "comment": ("Commentaire", "Comment"),
    "triggers": ("Déclencheurs", "Triggers"),
    "reactions": ("Réactions", "Reactions"),
    "new_triggers": (
        "Nouveaux déclencheurs (séparés par des virgules)",
        "New triggers (comma-separated)",
    ),
    "new_reactions": (
        "Nouvelles réactions (séparées par des virgules)",
        "New reactions (comma-separated)",
    ),
    "incident": ("Détail de l'incident (facultatif)", "Incident detail (optional)"),
    "distance": ("Distance au déclencheur (m)", "Distance to the trigger (m)"),
    "recovery": ("Temps pour se calmer (min)", "Time to calm down (min)"),
    "handler_action": ("Ce que j'ai fait", "What I did"),
    "save": ("Enregistrer", "Save"),
    "reset": ("Réinitialiser", "Reset"),
    "saved": ("Observation enregistrée.", "Observation saved."),
    "calendar": ("Calendrier", "Calendar"),
    "year": ("Année", "Year"),
    "month": ("Mois", "Month"),
    "week": ("Semaine", "Week"),
    "month_observations": ("Observations du mois", "This month's observations"),
    "no_observations": ("Aucune observation.", "No observations."),
    "search": ("Recherche", "Search"),
    "text": ("Texte du commentaire", "Comment text"),
    "from": ("Du", "From"),
    "to": ("Au", "To"),
    "severities": ("Intensités", "Intensities"),
    "all_dogs": ("Tous les chiens", "All dogs"),
    "results": ("{n} résultat(s)", "{n} result(s)"),
    "download_csv": ("Télécharger en CSV", "Download as CSV"),
    "prepare_csv": ("Préparer l'export CSV", "Prepare the CSV export"),
    "analytics": ("Analyses", "Analytics"),
    "period": ("Période", "Period"),
    "p_all": ("Tout", "All time"),
    "p_year": ("Cette année", "This year"),
    "p_month": ("Ce mois-ci", "This month"),
    "p_week": ("Cette semaine", "This week"),
    "p_cyear": ("Une année", "A year"),
    "p_cmonth": ("Un mois", "A month"),
    "p_cweek": ("Une semaine", "A week"),
    "week_of": ("Semaine du", "Week of"),
    "chart_triggers": ("Déclencheurs par intensité", "Triggers by intensity"),
    "chart_daily": ("Intensité moyenne par jour", "Mean intensity per day"),
    "daily_mean": ("Moyenne du jour", "Daily mean"),
    "rolling_mean": ("Moyenne sur 7 jours", "7-day mean"),
    "chart_reactions": ("Réactions", "Reactions"),
    "chart_high": (
        "Réactions fortes (≥ 4) : ce mois-ci",
        "Strong reactions (≥ 4): this month",
    ),
    "high_caption": (
        "Ce mois-ci : {h} sur {n} observations d'intensité ≥ 4 · le mois précédent : {ph} sur {pn}. "
        "La flèche compare au mois précédent.",
        "This month: {h} of {n} observations at intensity ≥ 4 · the month before: {ph} of {pn}. "
        "The arrow compares with the month before.",
    ),
    "count": ("Nombre", "Count"),
    "trend_improving": (
        "📉 Ça va mieux : l'intensité baisse.",
        "📉 Getting better: intensity is going down.",
    ),
    "trend_stable": ("➖ Stable sur la période.", "➖ Stable over the period."),
    "trend_worsening": (
        "📈 Ça se dégrade : l'intensité monte.",
        "📈 Getting worse: intensity is going up.",
    ),
    "trend_insufficient": (
        "Pas encore assez de jours pour dégager une tendance.",
        "Not enough days yet to see a trend.",
    ),
    "manage": ("Gérer les observations", "Manage observations"),
    "pick_observation": ("Observation", "Observation"),
    "observation_range": (
        "Observations {first}–{last} sur {total}, des plus récentes aux plus anciennes",
        "Observations {first}–{last} of {total}, newest first",
    ),
    "newer": ("Plus récentes", "Newer"),
    "older": ("Plus anciennes", "Older"),
    "delete": ("Supprimer", "Delete"),
    "confirm_delete": ("Je confirme la suppression", "I confirm the deletion"),
    "deleted": ("Supprimé.", "Deleted."),
    "updated": ("Modifié.", "Updated."),
    "catalog": ("Déclencheurs et réactions", "Triggers and reactions"),
    "add": ("Ajouter", "Add"),
    "name": ("Nom", "Name"),
    "rename": ("Renommer", "Rename"),
    "added": ("Ajouté.", "Added."),
    "dogs": ("Chiens", "Dogs"),
    "breed": ("Race", "Breed"),
    "account": ("Compte", "Account"),
    "profile": ("Profil", "Profile"),
    "change_password": ("Changer le mot de passe", "Change the password"),
    "current_password": ("Mot de passe actuel", "Current password"),
    "new_password": ("Nouveau mot de passe", "New password"),
    "logout": ("Se déconnecter", "Log out"),
    "logout_everywhere": ("Se déconnecter partout", "Log out everywhere"),
    "delete_account": ("Supprimer le compte", "Delete the account"),
    "type_username": (
        "Tapez votre nom d'utilisateur pour confirmer",
        "Type your username to confirm",
    ),
    "current_dog": ("Chien actuel", "Current dog"),
    "language": ("Langue", "Language"),
    "session_expired": ("Session expirée : reconnectez-vous.", "Session expired: log in again."),
    "unexpected": (
        "Une erreur inattendue s'est produite. Réessayez ; si elle persiste, contactez-nous.",
        "Something unexpected went wrong. Try again; if it persists, contact us.",
    ),
    "unavailable": (
        "Le service est momentanément indisponible : réessayez dans un instant.",
        "The service is unavailable for a moment: try again shortly.",
    ),
    "rate_limited": (
        "Trop d'essais : réessayez dans {s} s.",
        "Too many attempts: try again in {s} s.",
    ),
    # Errors: the kind of error, then one line per bad field, written here from the
    # library's rule code and limits (its own sentences are English, for logs).
    "invalid": ("À corriger — {f} : {m}", "Please correct “{f}”: {m}"),
    "taken": ("Existe déjà : {f}", "Already exists: {f}"),
    "taken_value": ("Existe déjà : « {v} »", "Already exists: “{v}”"),
    "conflict": (
        "Modifié entre-temps : rechargez la page et réessayez.",
        "Changed in the meantime: reload the page and try again.",
    ),
    "authentication": (
        "Identification refusée : nom d'utilisateur ou mot de passe incorrect.",
        "Not accepted: wrong username or password.",
    ),
    "not_found": ("Introuvable (déjà supprimé ?).", "Not found (already deleted?)."),
    "rule_required": ("obligatoire", "required"),
    "rule_length": ("de {min} à {max} caractères", "{min} to {max} characters"),
    "rule_too_short": ("au moins {min} caractères", "at least {min} characters"),
    "rule_too_long": ("{max} caractères au plus", "at most {max} characters"),
    "rule_between": ("entre {min} et {max}", "between {min} and {max}"),
    "rule_at_least": ("au moins {min}", "at least {min}"),
    "rule_at_most": ("au plus {max}", "at most {max}"),
    "rule_too_many": ("{max} au plus", "at most {max}"),
    "rule_too_early": ("pas avant le {d}", "not before {d}"),
    "rule_too_late": ("pas après le {d}", "not after {d}"),
    "rule_invalid_format": ("format non valide", "not in a valid format"),
    "rule_invalid_format_username": (
        "lettres sans accent, chiffres, « . », « _ » et « - » seulement",
        "letters without accents, digits, “.”, “_” and “-” only",
    ),
    "rule_invalid_format_email": ("adresse non valide", "not a valid address"),
    "rule_invalid_format_token": (
        "ce lien n'est pas valide, a déjà servi ou a expiré",
        "this link is not valid, already used or expired",
    ),
    "rule_invalid_characters": ("caractères non autorisés", "characters not allowed"),
    "rule_unknown": ("introuvable parmi les vôtres", "not one of yours"),
    "rule_unknown_time_zone": (
        "fuseau inconnu de la base des fuseaux horaires",
        "not a zone of the time zone database",
    ),
    "rule_unknown_dog_id": (
        "ajoutez ou choisissez un de vos chiens",
        "add or pick one of your dogs",
    ),
    "rule_taken": ("déjà pris", "already taken"),
    "rule_limit_reached": ("nombre maximal atteint", "the most you can have"),
    "rule_limit_reached_max": ("{max} au plus", "at most {max}"),
    "rule_wrong": ("incorrect", "wrong"),
    "rule_invalid": ("non valide", "not valid"),
    "this_field": ("Ce champ", "This field"),
    "reset_link": ("Lien de réinitialisation", "Reset link"),
    "notes": ("Notes", "Notes"),
    "birth_date": ("Date de naissance", "Date of birth"),
    "time_zone": ("Fuseau horaire", "Time zone"),
    "time_zone_help": (
        "Vos dates et « aujourd'hui » sont ceux de ce fuseau.",
        "Your dates and “today” are those of this zone.",
    ),
    # Streamlit's own widget texts are English: every multiselect gets these instead.
    "choose_options": ("Choisissez…", "Choose options"),
    "no_options": ("Aucun choix pour l'instant.", "Nothing to choose from yet."),
    # Sharing a dog with professionals, and the professional's side.
    "sharing": ("Partage", "Sharing"),
    "share_owner_tab": ("Partager mes chiens", "Share my dogs"),
    "share_pro_tab": ("Mes clients", "My clients"),
    "share_no_dogs": (
        "Ajoutez d'abord un chien pour pouvoir le partager.",
        "Add a dog first to be able to share it.",
    ),
    "share_dog": ("Chien à partager", "Dog to share"),
    "scope": ("Accès", "Access"),
    "scope_read": ("Lecture", "Read"),
    "scope_read_comment": ("Lecture et commentaires", "Read and comment"),
    "share_code_title": ("Code à usage unique", "One-time code"),
    "share_code_help": (
        "Le code n'est montré qu'une fois : transmettez-le au professionnel, "
        "qui le saisit dans « Mes clients ».",
        "The code is shown only once: pass it on to the professional, "
        "who enters it under “My clients”.",
    ),
    "create_code": ("Créer un code", "Create a code"),
    "code_created": (
        "Code pour {dog} ({scope}), valable jusqu'au {until} — il ne sera plus affiché :",
        "Code for {dog} ({scope}), valid until {until} — it will not be shown again:",
    ),
    "invite_title": ("Inviter un professionnel", "Invite a professional"),
    "professional": (
        "Nom d'utilisateur ou e-mail du professionnel",
        "The professional's username or email",
    ),
    "invite": ("Inviter", "Invite"),
    "invitation_sent": (
        "Invitation envoyée si ce compte existe.",
        "Invitation sent if this account exists.",
    ),
    "grants_title": ("Professionnels ayant accès", "Professionals with access"),
    "no_grants": ("Personne n'a accès à ce chien.", "Nobody has access to this dog."),
    "grant_since": ("depuis le {d}", "since {d}"),
    "revoke": ("Retirer l'accès", "Revoke access"),
    "confirm_revoke": ("Je confirme le retrait de l'accès", "I confirm revoking the access"),
    "revoked": ("Accès retiré.", "Access revoked."),
    "pending_title": ("Invitations en attente", "Pending invitations"),
    "no_pending": ("Aucune invitation en attente.", "No pending invitations."),
    "pending_code": ("code à usage unique", "one-time code"),
    "expires_on": ("expire le {d}", "expires on {d}"),
    "cancel_invitation": ("Annuler l'invitation", "Cancel the invitation"),
    "confirm_cancel": ("Je confirme l'annulation", "I confirm the cancellation"),
    "cancelled": ("Invitation annulée.", "Invitation cancelled."),
    "share_conflict": (
        "Ce professionnel a déjà accès à ce chien, ou le nombre maximal de professionnels "
        "pour ce chien est atteint.",
        "This professional already has access to this dog, or the dog has the most "
        "professionals it can have.",
    ),
    "accept_code_title": ("J'ai reçu un code", "I received a code"),
    "share_code": ("Code reçu", "Code received"),
    "accept": ("Accepter", "Accept"),
    "accepted": ("Accès accepté : {dog}.", "Access accepted: {dog}."),
    "code_not_found": (
        "Code inconnu, déjà utilisé, annulé ou expiré.",
        "Unknown code, or already used, cancelled or expired.",
    ),
    "offers_title": ("Invitations reçues", "Invitations received"),
    "no_offers": ("Aucune invitation reçue.", "No invitations received."),
    "held_title": ("Chiens partagés avec moi", "Dogs shared with me"),
    "no_held": ("Aucun chien n'est partagé avec vous.", "No dog is shared with you."),
    "owner_of": ("de {owner}", "by {owner}"),
    "board_help": (
        "Qui a besoin d'attention d'abord. Le calendrier, la recherche et les analyses "
        "montrent aussi le journal de ces chiens.",
        "Who needs attention first. The calendar, search and analytics show these dogs' "
        "journals too.",
    ),
    "alert_worsening": ("en aggravation", "worsening"),
    "alert_strong_days": (
        "3 jours de réactions fortes ou plus sur 7",
        "3 or more days of strong reactions in the last 7",
    ),
    "alert_no_recent_entry": (
        "aucune entrée depuis 14 jours",
        "no entry for 14 days",
    ),
    "board_last_entry": ("Dernière entrée", "Last entry"),
    "board_never": ("aucune", "none"),
    "board_days_ago": ("il y a {n} j", "{n} d ago"),
    "board_strong_share": ("Réactions fortes ce mois", "Strong reactions this month"),
    "board_strong_before": ("mois précédent : {p}", "last month: {p}"),
    "board_trend": ("Tendance sur 30 jours : **{trend}**", "Trend over 30 days: **{trend}**"),
    "board_trend_improving": ("en amélioration", "improving"),
    "board_trend_stable": ("stable", "stable"),
    "board_trend_worsening": ("en aggravation", "worsening"),
    "board_trend_insufficient": ("pas assez de données", "not enough data"),
    "board_unread": ("Commentaires non lus", "Unread comments"),
    "leave": ("Quitter", "Leave"),
    "confirm_leave": ("Je confirme : je n'aurai plus accès", "I confirm: I will lose access"),
    "left": ("Vous n'avez plus accès à ce chien.", "You no longer have access to this dog."),
    "rule_invalid_professional": (
        "vous ne pouvez pas partager avec vous-même",
        "you cannot share with yourself",
    ),
    "rule_invalid_code": (
        "c'est votre propre code : transmettez-le au professionnel",
        "this is your own code: pass it on to the professional",
    ),
    "shared_dog": ("{dog} (chien de {owner})", "{dog} ({owner}'s dog)"),
    "journal_of": ("Journal de", "Journal of"),
    # The professional profile, on the account page.
    "pro_profile": ("Profil professionnel", "Professional profile"),
    "pro_profile_help": (
        "Éducateur, comportementaliste ou vétérinaire : ce profil est montré aux propriétaires "
        "qui partagent un chien avec vous.",
        "Trainer, behaviourist or vet: this profile is shown to the owners who share a dog "
        "with you.",
    ),
    "display_name": ("Nom affiché", "Display name"),
    "pro_kind": ("Métier", "Profession"),
    "kind_trainer": ("Éducateur", "Trainer"),
    "kind_behaviourist": ("Comportementaliste", "Behaviourist"),
    "kind_vet": ("Vétérinaire", "Vet"),
    "organisation": ("Structure (facultatif)", "Organisation (optional)"),
    "contact": ("Contact (facultatif)", "Contact (optional)"),
    "save_pro_profile": ("Enregistrer le profil professionnel", "Save the professional profile"),
    "remove_pro_profile": ("Supprimer le profil professionnel", "Remove the professional profile"),
    "confirm_remove_profile": (
        "Je confirme la suppression du profil",
        "I confirm removing the profile",
    ),
    "no_profile": ("sans profil professionnel", "no professional profile"),
    "comments_title": ("Commentaires", "Comments"),
    "comments_with_owner": ("Commentaires avec le propriétaire", "Comments with the owner"),
    "observation_comments": ("Commentaires", "Comments"),
    "no_comments": ("Aucun commentaire pour l'instant.", "No comments yet."),
    "comment_mine": ("Vous", "You"),
    "former_professional": ("un ancien professionnel", "a former professional"),
    "comment_edited": (" · modifié", " · edited"),
    "comment_body": ("Votre commentaire", "Your comment"),
    "comment_to": ("À", "To"),
    "send_comment": ("Envoyer le commentaire", "Send the comment"),
    "comment_sent": ("Commentaire envoyé.", "Comment sent."),
    "comment_saved": ("Commentaire modifié.", "Comment changed."),
    "comment_deleted": ("Commentaire supprimé.", "Comment deleted."),
    "edit_comment": ("Modifier ou supprimer", "Edit or delete"),
    "delete_comment": ("Supprimer le commentaire", "Delete the comment"),
    "confirm_delete_comment": ("Je confirme la suppression", "I confirm deleting it"),
    "comment_needs_grant": (
        "Partagez ce chien avec un professionnel pour échanger avec lui.",
        "Share this dog with a professional to talk with them.",
    ),
    "comment_read_only": (
        "Votre accès est en lecture seule : vous ne pouvez pas commenter.",
        "Your access is read-only: you cannot comment.",
    ),
    "unread_comments": ("{n} commentaire(s) non lu(s)", "{n} unread comment(s)"),
    "mark_read": ("Marquer comme lu", "Mark as read"),
    "access_log_title": ("Qui a consulté le journal de {dog}", "Who read {dog}'s journal"),
    "no_access": ("Personne n'a encore consulté ce journal.", "Nobody has read this journal yet."),
    "access_log_more": (
        "Seules les 50 dernières consultations sont affichées.",
        "Only the 50 latest reads are shown.",
    ),
    "view_dog": ("la fiche du chien", "the dog's page"),
    "view_observations": ("une observation", "an observation"),
    "view_search": ("la recherche", "the search"),
    "view_calendar": ("le calendrier", "the calendar"),
    "view_analytics": ("les analyses", "the analytics"),
    "view_export": ("l'export CSV", "the CSV export"),
    "view_comments": ("les commentaires", "the comments"),
    "notify_comments": (
        "M'envoyer un e-mail quand l'autre partie commente",
        "Email me when the other side comments",
    ),
    "notifications": ("Notifications", "Notifications"),
}

LANGUAGES = {"fr": "Français", "en": "English"}
DATE_FORMATS = {"fr": "DD/MM/YYYY", "en": "YYYY/MM/DD"}


def language() -> str:
    value = st.session_state.get("language", "fr")
    return value if value in LANGUAGES else "fr"


def t(key: str, **values: object) -> str:
    french, english = TEXT[key]
    text = english if language() == "en" else french
    return text.format(**values) if values else text


def choices_placeholder(options: Sized) -> str:
    """A multiselect's placeholder in the UI's language (Streamlit's is English)."""
    return t("choose_options") if len(options) else t("no_options")


def date_format() -> str:
    return DATE_FORMATS[language()]
