"""Comment threads on both sides of a shared dog, the owner's list of who read
the journal, a former professional's comments, and the notification setting."""

from __future__ import annotations

import dogcare
from tests_app.conftest import Ui, en, fr
from tests_app.test_sharing import set_pro_profile, texts, tick


def shown(ui: Ui) -> str:
    """Markdown, captions, subheaders and the comments' text, one block."""
    return "\n".join(
        [texts(ui)] + [str(h.value) for h in ui.at.subheader] + [str(x.value) for x in ui.at.text]
    )


def shared(ui: Ui, scope: dogcare.ShareScope = dogcare.ShareScope.READ_COMMENT) -> tuple[Ui, Ui]:
    """celia shares Rex (one observation) with bob, whose profile is Bob Dupont."""
    owner = ui.signed_up("celia", "Rex")
    owner.observe(comment="vélo au parc", severity=4)
    pro = Ui().signed_up("bob", "Max")  # in French whatever the owner's language
    set_pro_profile(pro, "Bob Dupont", dogcare.ProfessionalKind.TRAINER)
    owner.open(owner.tr("sharing"))
    owner.at.radio(key="invite_scope").set_value(scope)
    owner.fill(owner.tr("professional"), "bob").click(owner.tr("invite"))
    pro.open(pro.tr("sharing")).click(pro.tr("accept"), index=1)  # the first is the code form's
    assert pro.successes == [pro.tr("accepted").format(dog="Rex")]
    return owner, pro


def test_owner_and_professional_talk_and_the_owner_sees_who_read(ui: Ui) -> None:
    owner, pro = shared(ui)
    assert fr("no_comments") in shown(pro)
    pro.fill(fr("comment_body"), "Plan : 3 séances LAT", index=0).click(fr("send_comment"), index=0)
    assert pro.successes == [fr("comment_sent")]
    assert "Plan : 3 séances LAT" in shown(pro) and "**Vous** · " in shown(pro)

    owner.run()
    page = shown(owner)
    assert "**Bob Dupont** · " in page and "Plan : 3 séances LAT" in page
    assert fr("unread_comments", n=1) in page
    owner.click(fr("mark_read"))
    assert fr("unread_comments", n=1) not in shown(owner)
    assert owner.selectbox(fr("comment_to")).value is not None  # Bob's conversation
    owner.fill(fr("comment_body"), "Merci, on commence demain").click(fr("send_comment"))
    assert owner.successes == [fr("comment_sent")]

    # Qui a consulté le journal de Rex: the professional's reads, one row per view.
    page = shown(owner)
    assert fr("access_log_title", dog="Rex") in page
    assert "**Bob Dupont** · Éducateur · les commentaires · " in page
    assert "**Bob Dupont** · Éducateur · la recherche · " in page

    pro.run()
    page = shown(pro)
    assert "**celia** · " in page and "Merci, on commence demain" in page
    assert fr("unread_comments", n=1) in page
    # The professional edits, then deletes, their own comment.
    [mine] = [a for a in pro.at.text_area if a.key and "_edit_body_" in a.key]
    mine.input("Plan : 4 séances LAT")
    pro.click(fr("save"))
    assert pro.successes == [fr("comment_saved")]
    assert "Plan : 4 séances LAT" in shown(pro) and fr("comment_edited") in shown(pro)
    assert pro.button(fr("delete_comment")).disabled
    tick(pro, fr("confirm_delete_comment")).click(fr("delete_comment"))
    assert pro.successes == [fr("comment_deleted")]
    assert "Plan : 4 séances LAT" not in shown(pro)


def test_a_professional_comments_an_observation_seen_on_the_owners_journal(ui: Ui) -> None:
    owner, pro = shared(ui)
    pro.fill(fr("comment_body"), "Trop près du vélo ?", index=1).click(fr("send_comment"), index=1)
    assert pro.successes == [fr("comment_sent")]
    owner.open(fr("manage"))
    page = shown(owner)
    assert "Trop près du vélo ?" in page and "**Bob Dupont** · " in page
    owner.fill(fr("comment_body"), "Oui, 5 m").click(fr("send_comment"))
    assert owner.successes == [fr("comment_sent")]
    assert "Oui, 5 m" in shown(pro.run())


def test_read_scope_reads_but_cannot_comment(ui: Ui) -> None:
    owner, pro = shared(ui, dogcare.ShareScope.READ)
    assert fr("comment_read_only") in shown(pro)
    assert not [b for b in pro.at.button if b.label == fr("send_comment")]
    owner.run().fill(fr("comment_body"), "Pour information").click(fr("send_comment"))
    assert "Pour information" in shown(pro.run())


def test_a_former_professional_in_french_and_in_english(ui: Ui) -> None:
    owner, pro = shared(ui)
    pro.fill(fr("comment_body"), "Bon travail", index=0).click(fr("send_comment"), index=0)
    pro.open(fr("account"))
    pro.fill(fr("type_username"), "bob").run().click(fr("delete_account"))
    owner.run()
    page = shown(owner)
    assert "**un ancien professionnel** · " in page and "Bon travail" in page
    assert fr("comment_needs_grant") in page
    assert "**un ancien professionnel** · les commentaires · " in page

    owner.selectbox(fr("language")).select("en")
    owner.run()
    page = shown(owner)
    assert "**a former professional** · " in page
    assert "Who read Rex's journal" in page
    assert "un ancien professionnel" not in page and "Qui a consulté" not in page


def test_sharing_comments_in_english(ui: Ui) -> None:
    ui.run()
    ui.selectbox(fr("language")).select("en")
    ui.run()
    ui.language = "en"
    owner, pro = shared(ui)
    pro.fill(fr("comment_body"), "Three sessions", index=0).click(fr("send_comment"), index=0)
    assert pro.successes == [fr("comment_sent")]
    owner.run()
    page = shown(owner)
    assert en("unread_comments", n=1) in page and "Who read Rex's journal" in page
    assert "**Bob Dupont** · Trainer · the comments · " in page
    for french in ("Commentaires", "non lu", "Qui a consulté"):
        assert french not in page


def test_notify_comments_checkbox_on_the_account_page(ui: Ui) -> None:
    ui.signed_up("celia")
    ui.open(fr("account"))
    box = ui.widget("checkbox", fr("notify_comments"))
    assert box.value is True
    box.uncheck()
    ui.run()
    assert ui.successes == [fr("updated")]
    assert ui.widget("checkbox", fr("notify_comments")).value is False
    ui.open(fr("account"))
    assert ui.widget("checkbox", fr("notify_comments")).value is False
