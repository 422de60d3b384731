// The few records of the REST API that are not the library's: list
// envelopes, small bodies and the operational answers. Described like the
// library's, so they are decoded, encoded and documented the same way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "dogcare/catalog.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/record.hpp"
#include "dogcare/sharing.hpp"

namespace dogcare::http {

struct DogList {
  std::vector<Dog> items;
  std::optional<std::string> next_cursor;  // always null: every dog fits on a page
};

struct CatalogList {
  std::vector<CatalogItem> items;
  std::optional<std::string> next_cursor;  // always null
};

struct CatalogListQuery {
  bool include_archived = false;
};

struct CatalogItemInput {
  std::string name;
};

struct DefaultCatalog {
  std::vector<DefaultCatalogItem> triggers;
  std::vector<DefaultCatalogItem> reactions;
};

// The dogs shared with the caller, or the invitations addressed to them.
struct HeldShareList {
  std::vector<HeldShare> items;
  std::optional<std::string> next_cursor;  // always null
};

struct ShareCodeInput {
  std::string code;
};

// How many comments of the other side on a dog the caller has not marked read.
struct UnreadComments {
  std::size_t unread = 0;
};

struct Accepted {
  std::string detail;
};

struct Status {
  std::string status;
};

inline constexpr FieldInfo kNextCursorField{
    "next_cursor", Presence::optional, {}, "Always null: the whole list fits on one page."};

}  // namespace dogcare::http

namespace dogcare {

template <>
struct Description<http::DogList> {
  static constexpr std::string_view name = "DogList";
  static constexpr std::string_view doc = "The user's dogs, in creation order.";
  static constexpr auto fields = std::tuple{
      field(&http::DogList::items, {"items", Presence::required, {}, "The dogs."}),
      field(&http::DogList::next_cursor, http::kNextCursorField),
  };
};

template <>
struct Description<http::CatalogList> {
  static constexpr std::string_view name = "CatalogList";
  static constexpr std::string_view doc = "The user's catalog of one kind, alphabetical.";
  static constexpr auto fields = std::tuple{
      field(&http::CatalogList::items, {"items", Presence::required, {}, "The items."}),
      field(&http::CatalogList::next_cursor, http::kNextCursorField),
  };
};

template <>
struct Description<http::CatalogListQuery> {
  static constexpr std::string_view name = "CatalogListQuery";
  static constexpr std::string_view doc = "Which items to list.";
  static constexpr auto fields = std::tuple{
      field(&http::CatalogListQuery::include_archived,
            {"include_archived", Presence::optional, {}, "Also list archived items."}),
  };
};

template <>
struct Description<http::CatalogItemInput> {
  static constexpr std::string_view name = "CatalogItemInput";
  static constexpr std::string_view doc = "A catalog item's name.";
  static constexpr auto fields = std::tuple{
      field(&http::CatalogItemInput::name, catalog_fields::name),
  };
};

template <>
struct Description<http::DefaultCatalog> {
  static constexpr std::string_view name = "DefaultCatalog";
  static constexpr std::string_view doc = "The default catalog offered at onboarding.";
  static constexpr auto fields = std::tuple{
      field(&http::DefaultCatalog::triggers,
            {"triggers", Presence::required, {}, "Default triggers, in display order."}),
      field(&http::DefaultCatalog::reactions,
            {"reactions", Presence::required, {}, "Default reactions, in display order."}),
  };
};

template <>
struct Description<http::HeldShareList> {
  static constexpr std::string_view name = "HeldShareList";
  static constexpr std::string_view doc =
      "Dogs shared with the caller, or offered to them, oldest first.";
  static constexpr auto fields = std::tuple{
      field(&http::HeldShareList::items, {"items", Presence::required, {}, "The shares."}),
      field(&http::HeldShareList::next_cursor, http::kNextCursorField),
  };
};

template <>
struct Description<http::ShareCodeInput> {
  static constexpr std::string_view name = "ShareCodeInput";
  static constexpr std::string_view doc = "A one-time code an owner gave the caller.";
  static constexpr auto fields = std::tuple{
      field(&http::ShareCodeInput::code, share_fields::code),
  };
};

template <>
struct Description<http::UnreadComments> {
  static constexpr std::string_view name = "UnreadComments";
  static constexpr std::string_view doc = "The comments on a dog the caller has not read yet.";
  static constexpr auto fields = std::tuple{
      field(&http::UnreadComments::unread,
            {"unread",
             Presence::required,
             {},
             "Comments of the other side on the dog and its observations since the caller last "
             "marked it read."}),
  };
};

template <>
struct Description<http::Accepted> {
  static constexpr std::string_view name = "Accepted";
  static constexpr std::string_view doc = "The request was accepted.";
  static constexpr auto fields = std::tuple{
      field(&http::Accepted::detail, {"detail", Presence::required, {}, "What happens next."}),
  };
};

template <>
struct Description<http::Status> {
  static constexpr std::string_view name = "Status";
  static constexpr std::string_view doc = "The server's state.";
  static constexpr auto fields = std::tuple{
      field(&http::Status::status, {"status", Presence::required, {}, "ok, or ready."}),
  };
};

}  // namespace dogcare
