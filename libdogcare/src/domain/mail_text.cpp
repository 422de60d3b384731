#include "domain/mail_text.hpp"

namespace dogcare::domain {
namespace {

std::string text(std::string_view piece) {
  return std::string(piece);
}

bool english(const User& to) {
  return to.language == Language::en;
}

}  // namespace

Email password_reset_mail(const User& to, std::chrono::minutes valid_for, std::string_view link) {
  const std::string minutes = std::to_string(valid_for.count());
  if (english(to)) {
    return {*to.email, "dogcare: reset your password",
            "Hello " + to.username + ",\n\nTo choose a new password, open this link within " +
                minutes + " minutes:\n\n" + text(link) +
                "\n\nIf you did not ask for it, ignore this message: your password does not "
                "change.\n"};
  }
  return {*to.email, "dogcare : réinitialiser votre mot de passe",
          "Bonjour " + to.username +
              ",\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans les " + minutes +
              " minutes :\n\n" + text(link) +
              "\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change "
              "pas.\n"};
}

Email invitation_mail(const User& to, std::string_view owner_name, std::string_view dog_name,
                      std::chrono::hours valid_for, std::string_view link) {
  const std::string days = std::to_string(valid_for.count() / 24);
  const std::string dog = text(dog_name);
  if (english(to)) {
    const std::string owner = owner_name.empty() ? "Someone" : text(owner_name);
    return {*to.email, "dogcare: " + dog + " is shared with you",
            "Hello " + to.username + ",\n\n" + owner + " invites you to follow " + dog +
                "'s journal on dogcare. Log in to accept the invitation (valid for " + days +
                " days):\n\n" + text(link) + "\n"};
  }
  const std::string owner = owner_name.empty() ? "Quelqu'un" : text(owner_name);
  return {*to.email, "dogcare : " + dog + " vous est partagé",
          "Bonjour " + to.username + ",\n\n" + owner + " vous invite à suivre le journal de " +
              dog + " sur dogcare. Connectez-vous pour accepter l'invitation (valable " + days +
              " jours) :\n\n" + text(link) + "\n"};
}

Email comment_mail(const User& to, std::string_view author, std::string_view dog_name,
                   std::string_view link) {
  const std::string dog = text(dog_name);
  if (english(to)) {
    const std::string who = author.empty() ? "A former professional" : text(author);
    return {*to.email, "dogcare: a new comment on " + dog,
            "Hello " + to.username + ",\n\n" + who + " wrote a comment on " + dog +
                "'s journal. Log in to read it and reply:\n\n" + text(link) +
                "\n\nTo stop these messages, turn comment notifications off in your settings.\n"};
  }
  const std::string who = author.empty() ? "Un ancien professionnel" : text(author);
  return {*to.email, "dogcare : nouveau commentaire sur " + dog,
          "Bonjour " + to.username + ",\n\n" + who + " a écrit un commentaire sur le journal de " +
              dog + ". Connectez-vous pour le lire et répondre :\n\n" + text(link) +
              "\n\nPour ne plus recevoir ces messages, désactivez les notifications de "
              "commentaires dans vos réglages.\n"};
}

}  // namespace dogcare::domain
