"""Sharing a dog: the owner's code, invitation, grants and revocation; the
professional's acceptance, list and leaving; the professional profile."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import dogcare
from tests_app.conftest import Ui, en, fr


def texts(ui: Ui) -> str:
    """Every markdown and caption of the page, one block of text."""
    return "\n".join(str(m.value) for m in list(ui.at.markdown) + list(ui.at.caption))


def tick(ui: Ui, label: str, index: int = 0) -> Ui:
    [box for box in ui.at.checkbox if box.label == label][index].check()
    return ui.run()


def set_pro_profile(
    ui: Ui,
    name: str,
    kind: dogcare.ProfessionalKind,
    organisation: str = "",
    contact: str = "",
) -> Ui:
    ui.open(ui.tr("account"))
    ui.fill(ui.tr("display_name"), name)
    ui.selectbox(ui.tr("pro_kind")).set_value(kind)
    ui.fill(ui.tr("organisation"), organisation)
    ui.fill(ui.tr("contact"), contact)
    return ui.click(ui.tr("save_pro_profile"))


def test_code_accepted_listed_and_revoked(ui: Ui) -> None:
    owner = ui.signed_up("celia", "Rex")
    pro = Ui().signed_up("bob", "Max")
    set_pro_profile(pro, "Bob Dupont", dogcare.ProfessionalKind.VET, "Clinique du parc")
    assert pro.successes == [fr("updated")]

    owner.open(fr("sharing"))
    assert fr("no_grants") in texts(owner)
    owner.at.radio(key="code_scope").set_value(dogcare.ShareScope.READ_COMMENT)
    owner.click(fr("create_code"))
    (created,) = owner.successes
    assert created.startswith("Code pour Rex (Lecture et commentaires), valable jusqu'au ")
    (shown,) = owner.at.code
    code = str(shown.value)
    assert len(code) == 43
    assert fr("pending_code") in texts(owner)
    owner.run()  # shown once
    assert not owner.at.code

    pro.open(fr("sharing"))
    assert fr("no_held") in texts(pro)
    pro.fill(fr("share_code"), "not-a-code").click(fr("accept"))
    assert pro.errors == [fr("code_not_found")]
    pro.fill(fr("share_code"), code).click(fr("accept"))
    assert pro.successes == [fr("accepted", dog="Rex")]
    assert "**Rex** · de celia · Lecture et commentaires · depuis le " in texts(pro)
    pro.fill(fr("share_code"), code).click(fr("accept"))  # single use
    assert pro.errors == [fr("code_not_found")]

    owner.run()
    listed = texts(owner)
    assert "**Bob Dupont** · Vétérinaire · Clinique du parc · Lecture et commentaires" in listed
    assert fr("no_pending") in listed
    # Revoking needs the confirmation first.
    assert owner.button(fr("revoke")).disabled
    tick(owner, fr("confirm_revoke")).click(fr("revoke"))
    assert owner.successes == [fr("revoked")]
    assert fr("no_grants") in texts(owner)

    pro.run()
    assert "Rex" not in texts(pro)
    assert fr("no_held") in texts(pro)


def test_invitations_answer_alike_are_accepted_cancelled_and_left(ui: Ui) -> None:
    owner = ui.signed_up("celia", "Rex")
    pro = Ui().signed_up("bob", "Max")
    owner.open(fr("sharing"))
    for typed in ("bob", "nobody_at_all"):
        owner.fill(fr("professional"), typed).click(fr("invite"))
        assert owner.successes == [fr("invitation_sent")]
        assert owner.errors == []
    listed = texts(owner)
    assert "**bob** · Lecture" in listed and "**nobody_at_all** · Lecture" in listed

    # Inviting oneself is refused, in French, naming the field.
    owner.fill(fr("professional"), "celia").click(fr("invite"))
    assert owner.errors == [fr("invalid", f=fr("professional"), m=fr("rule_invalid_professional"))]

    pro.open(fr("sharing"))
    assert "**Rex** · de celia · Lecture · expire le " in texts(pro)
    pro.click(fr("accept"), index=1)  # the first one is the code form's
    assert pro.successes == [fr("accepted", dog="Rex")]
    assert fr("no_offers") in texts(pro)

    owner.run()
    assert "**bob** · " + fr("no_profile") + " · Lecture" in texts(owner)
    tick(owner, fr("confirm_cancel")).click(fr("cancel_invitation"))
    assert owner.successes == [fr("cancelled")]
    assert fr("no_pending") in texts(owner)

    assert pro.run().button(fr("leave")).disabled
    tick(pro, fr("confirm_leave")).click(fr("leave"))
    assert pro.successes == [fr("left")]
    assert fr("no_held") in texts(pro)
    owner.run()
    assert fr("no_grants") in texts(owner)


def test_professional_profile_errors_name_the_field_in_french(ui: Ui) -> None:
    ui.signed_up("bob")
    set_pro_profile(ui, "", dogcare.ProfessionalKind.TRAINER, "o" * 201)
    (message,) = ui.errors
    lines = message.split("\n\n")
    assert lines[0].startswith(fr("invalid", f=fr("display_name"), m=""))
    assert lines[1] == fr("invalid", f=fr("organisation"), m=fr("rule_too_long", max=200))

    set_pro_profile(ui, "Bob Dupont", dogcare.ProfessionalKind.BEHAVIOURIST, "Club canin")
    assert ui.successes == [fr("updated")]
    assert ui.text(fr("display_name")).value == "Bob Dupont"
    assert ui.selectbox(fr("pro_kind")).value == dogcare.ProfessionalKind.BEHAVIOURIST
    assert ui.selectbox(fr("pro_kind")).options == [
        fr("kind_trainer"),
        fr("kind_behaviourist"),
        fr("kind_vet"),
    ]
    set_pro_profile(ui, "Bob D.", dogcare.ProfessionalKind.BEHAVIOURIST)
    assert ui.text(fr("organisation")).value == ""

    assert ui.button(fr("remove_pro_profile")).disabled
    tick(ui, fr("confirm_remove_profile")).click(fr("remove_pro_profile"))
    assert ui.successes == [fr("deleted")]
    assert ui.text(fr("display_name")).value == ""
    assert not [b for b in ui.at.button if b.label == fr("remove_pro_profile")]


def test_sharing_page_in_english(ui: Ui) -> None:
    ui.run()
    ui.selectbox(fr("language")).select("en")
    ui.run()
    ui.language = "en"
    ui.register("celia").onboard("Rex")
    ui.open(en("sharing"))
    assert ui.title == "🤝 " + en("sharing")
    assert [tab.label for tab in ui.at.tabs] == [en("share_owner_tab"), en("share_pro_tab")]
    ui.fill(en("professional"), "nobody_at_all").click(en("invite"))
    assert ui.successes == [en("invitation_sent")]
    shown = texts(ui)
    assert "**nobody_at_all** · Read · expires on " in shown
    for french in ("Lecture", "expire le", "Aucun", "depuis"):
        assert french not in shown
    ui.click(en("create_code"))
    (created,) = ui.successes
    assert created.startswith("Code for Rex (Read), valid until ")

    ui.open(en("account"))
    assert ui.selectbox(en("pro_kind")).options == [
        en("kind_trainer"),
        en("kind_behaviourist"),
        en("kind_vet"),
    ]
    ui.fill(en("display_name"), "").click(en("save_pro_profile"))
    (message,) = ui.errors
    assert message.startswith(en("invalid", f=en("display_name"), m=""))


def test_a_professional_reads_a_shared_dogs_journal(ui: Ui) -> None:
    owner = ui.signed_up("celia", "Rex")
    owner.observe(comment="vélo au parc", severity=4, triggers=["vélo"])
    pro = Ui().signed_up("bob", "Max")
    pro.open(fr("calendar"))
    assert not [s for s in pro.at.selectbox if s.label == fr("journal_of")]  # nothing shared

    owner.open(fr("sharing")).fill(fr("professional"), "bob").click(fr("invite"))
    pro.open(fr("sharing")).click(fr("accept"), index=1)
    rex = fr("shared_dog", dog="Rex", owner="celia")

    pro.open(fr("calendar"))
    journal = pro.selectbox(fr("journal_of"))
    assert journal.options == ["Max", rex] and journal.value is not None
    journal.select_index(1)
    pro.run()
    (table,) = pro.at.dataframe
    assert list(table.value[fr("comment")]) == ["vélo au parc"]
    assert list(table.value[fr("triggers")]) == ["vélo"]  # the owner's names
    rex_id = pro.selectbox(fr("journal_of")).value

    pro.open(fr("analytics"))
    pro.selectbox(fr("journal_of")).select_index(1)
    pro.run()
    assert fr("trend_insufficient") in pro.infos

    pro.open(fr("search"))
    assert pro.selectbox(fr("dog")).options == [fr("all_dogs"), "Max", rex]
    pro.selectbox(fr("dog")).set_value(rex_id)
    pro.click(fr("search"))
    assert fr("results", n=1) in [m.value for m in pro.at.markdown]
    (table,) = pro.at.dataframe
    assert list(table.value[fr("dog")]) == [rex]

    # Revoked: the dog is no longer offered, and nothing of it is shown.
    owner.run()
    tick(owner, fr("confirm_revoke")).click(fr("revoke"))
    pro.open(fr("calendar"))
    assert not [s for s in pro.at.selectbox if s.label == fr("journal_of")]
    assert not pro.at.dataframe


def test_a_second_grant_of_the_same_dog_is_refused_in_words(ui: Ui) -> None:
    owner = ui.signed_up("celia", "Rex")
    pro = Ui().signed_up("bob", "Max")
    owner.open(fr("sharing"))
    codes = []
    for _ in range(2):
        owner.click(fr("create_code"))
        codes.append(str(owner.at.code[0].value))
    pro.open(fr("sharing"))
    pro.fill(fr("share_code"), codes[0]).click(fr("accept"))
    assert pro.successes == [fr("accepted", dog="Rex")]
    pro.fill(fr("share_code"), codes[1]).click(fr("accept"))
    assert pro.errors == [fr("share_conflict")]
    # The owner's own code is refused, naming the field.
    owner.click(fr("create_code"))
    own = str(owner.at.code[0].value)
    owner.at.tabs[1].text_input(key="accept_code").input(own)
    owner.click(fr("accept"))
    assert owner.errors == [fr("invalid", f=fr("share_code"), m=fr("rule_invalid_code"))]


def shared_code(owner: Ui) -> str:
    owner.open(owner.tr("sharing")).click(owner.tr("create_code"))
    (shown,) = owner.at.code
    return str(shown.value)


def test_the_client_board_shows_who_needs_attention_first(ui: Ui) -> None:
    quiet = ui.signed_up("dan", "Max")
    strong = Ui().signed_up("celia", "Rex")
    today = dt.datetime.now(ZoneInfo(dogcare.DEFAULT_TIME_ZONE)).date()
    for days_ago in (0, 1, 2):
        strong.observe(comment="vélo", severity=5, date=today - dt.timedelta(days=days_ago))
    pro = Ui().signed_up("bob", "Pixel")
    for owner in (quiet, strong):
        pro.open(fr("sharing")).fill(fr("share_code"), shared_code(owner)).click(fr("accept"))
    listed = texts(pro)
    assert listed.index("**Rex** · de celia") < listed.index("**Max** · de dan")
    first, second = (str(w.value) for w in pro.at.warning)
    assert fr("alert_strong_days") in first and second == fr("alert_no_recent_entry")
    figures = {(m.label, str(m.value)) for m in pro.at.metric}
    assert (fr("board_last_entry"), today.strftime("%d/%m/%Y")) in figures
    assert (fr("board_last_entry"), fr("board_never")) in figures
    assert (fr("board_strong_share"), "100%") in figures
