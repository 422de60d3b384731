"""Comments on a shared dog and the owner's access log through the module: the
same operations as the REST routes, the library's rules seen from Python."""

from __future__ import annotations

import datetime as dt

import pytest

import dogcare
from tests.conftest import Services

READ_COMMENT = dogcare.ShareScope.READ_COMMENT


def shared(
    services: Services, scope: dogcare.ShareScope = READ_COMMENT
) -> tuple[dogcare.Principal, dogcare.Principal, dogcare.Dog, dogcare.HeldShare]:
    _, owner = services.new_user()
    _, professional = services.new_user()
    dog = services.dogs.list(owner)[0]
    code = services.sharing.create_code(owner, dog.id, scope=scope)
    return owner, professional, dog, services.sharing.accept_code(professional, code.code)


def test_owner_and_professional_talk_on_the_dog_and_an_observation(services: Services) -> None:
    owner, professional, dog, held = shared(services)
    observation = services.observations.create(owner, date=dt.date.today(), severity=4)
    services.professionals.set_profile(
        professional, display_name="Bob Dupont", kind=dogcare.ProfessionalKind.TRAINER
    )
    comments = services.comments

    plan = comments.add_to_dog(professional, dog.id, body="Plan : 3 séances LAT.\nDistance 20 m.")
    assert (plan.dog_id, plan.observation_id, plan.share_id) == (dog.id, None, held.id)
    assert plan.author_role == dogcare.AuthorRole.PROFESSIONAL and plan.author_name == "Bob Dupont"
    assert plan.mine and isinstance(plan.created_at, dt.datetime) and plan.created_at.tzinfo
    on_observation = comments.add_to_observation(
        professional, observation.id, body="  Trop près ?  "
    )
    assert on_observation.observation_id == observation.id and on_observation.body == "Trop près ?"

    [seen] = comments.dog_thread(owner, dog.id).items
    assert seen.id == plan.id and not seen.mine
    assert (
        comments.unread_count(owner, dog.id) == 2
        and comments.unread_count(professional, dog.id) == 0
    )
    comments.mark_read(owner, dog.id)
    assert comments.unread_count(owner, dog.id) == 0

    with pytest.raises(dogcare.ValidationError) as caught:
        comments.add_to_dog(owner, dog.id, body="Merci")
    assert [(v.field, v.rule) for v in caught.value.violations] == [("share_id", "required")]
    reply = comments.add_to_observation(
        owner, observation.id, body="Oui, 5 m.", share_id=seen.share_id
    )
    assert reply.author_role == dogcare.AuthorRole.OWNER and reply.mine
    assert [c.id for c in comments.observation_thread(professional, observation.id).items] == [
        on_observation.id,
        reply.id,
    ]
    assert comments.unread_count(professional, dog.id) == 1

    # Pages, oldest first.
    more = [comments.add_to_dog(professional, dog.id, body=f"note {i}").id for i in range(3)]
    first = comments.dog_thread(professional, dog.id, limit=2)
    assert [c.id for c in first.items] == [plan.id, more[0]] and first.next_cursor
    rest = comments.dog_thread(professional, dog.id, limit=2, cursor=first.next_cursor)
    assert [c.id for c in rest.items] == more[1:] and rest.next_cursor is None

    # Only the author edits or deletes.
    edited = comments.update(professional, plan.id, body="Plan : 4 séances.")
    assert edited.body == "Plan : 4 séances." and edited.updated_at >= plan.updated_at
    assert comments.update(professional, plan.id).body == "Plan : 4 séances."  # UNSET keeps
    with pytest.raises(dogcare.NotFound):
        comments.update(owner, plan.id, body="not mine")
    with pytest.raises(dogcare.NotFound):
        comments.remove(professional, reply.id)
    comments.remove(owner, reply.id)
    with pytest.raises(dogcare.NotFound):
        comments.remove(owner, reply.id)


def test_limits_come_from_the_description(services: Services) -> None:
    _, professional, dog, _ = shared(services)
    limits = {f.name: f for f in dogcare.fields(dogcare.CommentInput)}
    assert limits["body"].max_length == 4000
    assert services.comments.add_to_dog(professional, dog.id, body="é" * 4000).body == "é" * 4000
    with pytest.raises(dogcare.ValidationError) as caught:
        services.comments.add_to_dog(professional, dog.id, body="é" * 4001)
    [violation] = caught.value.violations
    assert (violation.field, violation.rule, violation.max) == ("body", "too_long", 4000)
    with pytest.raises(dogcare.ValidationError):
        services.comments.dog_thread(professional, dog.id, limit=201)


def test_read_scope_reads_but_cannot_write_and_revoked_loses_the_thread(services: Services) -> None:
    owner, reader, dog, held = shared(services, dogcare.ShareScope.READ)
    to_reader = services.comments.add_to_dog(owner, dog.id, body="Pour vous", share_id=held.id)
    assert [c.id for c in services.comments.dog_thread(reader, dog.id).items] == [to_reader.id]
    with pytest.raises(dogcare.NotFound):
        services.comments.add_to_dog(reader, dog.id, body="non")
    services.sharing.revoke(owner, held.id)
    with pytest.raises(dogcare.NotFound):
        services.comments.dog_thread(reader, dog.id)
    with pytest.raises(dogcare.NotFound):
        services.comments.unread_count(reader, dog.id)
    [kept] = services.comments.dog_thread(owner, dog.id).items
    assert kept.share_id is None


def test_a_former_professionals_comment_and_reads_stay_without_a_name(services: Services) -> None:
    owner, professional, dog, _ = shared(services)
    services.dogs.get(professional, dog.id)
    services.comments.add_to_dog(professional, dog.id, body="Bon travail")
    services.accounts.delete_account(professional)
    [kept] = services.comments.dog_thread(owner, dog.id).items
    assert (kept.author_id, kept.author_name, kept.author_role) == (
        None,
        None,
        dogcare.AuthorRole.PROFESSIONAL,
    )
    [entry] = services.access_log.list_for_dog(owner, dog.id).items
    assert entry.professional_id is None and entry.view == dogcare.AccessView.DOG


def test_the_access_log_is_the_owners_alone(services: Services) -> None:
    owner, professional, dog, _ = shared(services)
    observation = services.observations.create(owner, date=dt.date.today(), severity=2)
    for _ in range(3):
        services.dogs.get(professional, dog.id)
    services.observations.get(professional, observation.id)
    services.comments.dog_thread(professional, dog.id)
    services.dogs.get(owner, dog.id)  # the owner's reads record nothing
    page = services.access_log.list_for_dog(owner, dog.id)
    assert sorted(e.view.name for e in page.items) == ["COMMENTS", "DOG", "OBSERVATIONS"]
    assert {e.professional_id for e in page.items} == {professional.user_id}
    first = services.access_log.list_for_dog(owner, dog.id, limit=2)
    assert len(first.items) == 2 and first.next_cursor
    with pytest.raises(dogcare.NotFound):
        services.access_log.list_for_dog(professional, dog.id)


def test_notify_comments_setting(services: Services) -> None:
    _, user = services.new_user()
    assert services.comments.settings(user).notify_comments is True
    assert services.comments.set_settings(user, notify_comments=False).notify_comments is False
    assert services.comments.settings(user) == dogcare.CommentSettings(notify_comments=False)


def test_a_new_comment_is_mailed_to_the_other_side(services: Services) -> None:
    _, owner = services.new_user(email=f"owner{dt.datetime.now().timestamp()}@example.org")
    _, professional = services.new_user()
    dog = services.dogs.list(owner)[0]
    code = services.sharing.create_code(owner, dog.id, scope=READ_COMMENT)
    services.sharing.accept_code(professional, code.code)
    services.mailbox.sent.clear()
    services.comments.add_to_dog(professional, dog.id, body="Texte privé")
    [mail] = services.mailbox.sent
    assert dog.name in mail.text and "Texte privé" not in mail.text
    services.comments.set_settings(owner, notify_comments=False)
    services.comments.add_to_dog(professional, dog.id, body="encore")
    assert len(services.mailbox.sent) == 1
