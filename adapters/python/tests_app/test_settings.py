"""Triggers and reactions, dogs, the current dog."""

from __future__ import annotations

from tests_app.conftest import Ui, fr


def catalog_names(ui: Ui, tab: int) -> list[str]:
    """The names listed in a catalog tab (0 triggers, 1 reactions), in order."""
    block = ui.at.tabs[tab]
    return [str(w.value) for w in block.text_input if (w.key or "").startswith("name_")]


def rename(ui: Ui, tab: int, old: str, new: str) -> Ui:
    block = ui.at.tabs[tab]
    field = next(
        w for w in block.text_input if w.key and w.key.startswith("name_") and w.value == old
    )
    field.input(new)
    item = str(field.key).removeprefix("name_")
    next(b for b in block.button if b.key == f"rename_{item}").click()
    return ui.run()


def remove(ui: Ui, tab: int, name: str) -> Ui:
    block = ui.at.tabs[tab]
    field = next(
        w for w in block.text_input if w.key and w.key.startswith("name_") and w.value == name
    )
    item = str(field.key).removeprefix("name_")
    next(b for b in block.button if b.key == f"remove_{item}").click()
    return ui.run()


def test_triggers_and_reactions_management(ui: Ui) -> None:
    ui.run().register("celia").onboard("Rex", triggers=["vélo", "chien"], reactions=["fuite"])
    ui.observe(comment="au parc", triggers=["vélo"], reactions=["fuite"])
    ui.open(fr("catalog"))
    assert catalog_names(ui, 0) == ["chien", "vélo"]
    assert catalog_names(ui, 1) == ["fuite"]

    ui.at.tabs[0].text_input(key="add_trigger_name").input("tondeuse")
    ui.click(fr("add"), index=0)
    assert ui.successes == [fr("added")]
    assert "tondeuse" in catalog_names(ui, 0)
    ui.at.tabs[1].text_input(key="add_reaction_name").input("grognement")
    ui.click(fr("add"), index=1)
    assert catalog_names(ui, 1) == ["fuite", "grognement"]

    # The same name again, accents and case aside, is refused with a message.
    ui.at.tabs[0].text_input(key="add_trigger_name").input("VELO")
    ui.click(fr("add"), index=0)
    (message,) = ui.errors
    assert message == fr("taken_value", v="VELO")

    rename(ui, 0, "tondeuse", "tondeuse à gazon")
    assert ui.successes == [fr("updated")]
    assert "tondeuse à gazon" in catalog_names(ui, 0)
    rename(ui, 0, "tondeuse à gazon", "Chien")  # onto an existing name
    (message,) = ui.errors
    assert message.startswith("Existe déjà : ")
    # Nothing changed in the catalog (the field keeps the typed text to correct it).
    ui.open(fr("new_observation"))
    assert ui.multiselect(fr("triggers")).options == ["chien", "tondeuse à gazon", "vélo"]
    ui.open(fr("catalog"))
    assert catalog_names(ui, 0) == ["chien", "tondeuse à gazon", "vélo"]

    remove(ui, 0, "vélo")  # used by history
    assert ui.successes == [fr("deleted")]
    assert catalog_names(ui, 0) == ["chien", "tondeuse à gazon"]
    remove(ui, 1, "grognement")
    assert catalog_names(ui, 1) == ["fuite"]

    # History keeps the removed trigger; new observations no longer offer it.
    ui.open(fr("search"))
    (table,) = ui.at.dataframe
    assert list(table.value[fr("triggers")]) == ["vélo"]
    ui.open(fr("new_observation"))
    assert "vélo" not in ui.multiselect(fr("triggers")).options


def test_dogs_add_rename_remove_and_pick_the_current_one(ui: Ui) -> None:
    ui.signed_up("celia", dog="Rex")
    ui.observe(comment="Rex au parc")
    ui.open(fr("dogs"))
    ui.fill(fr("dog_name"), "Luna", index=0)
    ui.fill(fr("breed"), "Berger australien")
    ui.click(fr("add"))
    assert ui.successes == [fr("added")]
    assert [e.label for e in ui.at.expander] == ["Rex", "Luna · Berger australien"]

    current = ui.selectbox(fr("current_dog"))
    assert current.options == ["Rex", "Luna"]
    current.select_index(1)
    ui.run()
    ui.open(fr("new_observation"))
    assert ui.selectbox(fr("dog")).value == ui.selectbox(fr("current_dog")).value
    ui.observe(comment="Luna au marché", severity=5)
    ui.open(fr("calendar"))
    (table,) = ui.at.dataframe
    assert list(table.value[fr("comment")]) == ["Luna au marché"]  # the current dog's month
    ui.open(fr("manage"))
    assert len(ui.selectbox(fr("pick_observation")).options) == 1

    ui.open(fr("dogs"))
    ui.fill(fr("dog_name"), "Luna la douce", index=2)
    ui.click(fr("rename"), index=1)
    assert ui.successes == [fr("updated")]
    assert ui.selectbox(fr("current_dog")).options == ["Rex", "Luna la douce"]
    ui.fill(fr("dog_name"), "", index=1)
    ui.click(fr("rename"), index=0)
    assert ui.errors and ui.errors[0].startswith("À corriger — ")

    assert ui.button(fr("delete"), index=1).disabled
    ui.at.checkbox[1].check()
    ui.run()
    ui.click(fr("delete"), index=1)
    assert ui.successes == [fr("deleted")]
    assert [e.label for e in ui.at.expander] == ["Rex"]
    assert ui.selectbox(fr("current_dog")).options == ["Rex"]  # back on the remaining dog
    ui.open(fr("calendar"))
    (table,) = ui.at.dataframe
    assert list(table.value[fr("comment")]) == ["Rex au parc"]
