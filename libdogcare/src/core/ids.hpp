// Application-generated identifiers.
#pragma once

#include <string>
#include <string_view>

namespace dogcare {

// A new UUIDv7 (RFC 9562) as 36 lower-case characters: time-ordered, so
// inserts stay local in indexes, and random enough (74 bits from the
// operating system's CSPRNG) that ids reveal nothing guessable.
std::string new_id();

// True for the canonical 36-character UUID text form.
bool valid_id(std::string_view id) noexcept;

}  // namespace dogcare
