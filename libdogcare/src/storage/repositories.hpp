// Persistence of every entity, one repository per header; this header
// gathers them for the services. Each repository works on a borrowed
// connection; every query about owned data is filtered by its owner, so a
// foreign id behaves exactly like a missing one. Repositories never begin
// transactions: the caller does, and methods that write several statements
// require one.
#pragma once

#include "storage/access_log_repository.hpp"
#include "storage/analytics_repository.hpp"
#include "storage/catalog_repository.hpp"
#include "storage/comment_repository.hpp"
#include "storage/dog_repository.hpp"
#include "storage/login_throttle_repository.hpp"
#include "storage/observation_repository.hpp"
#include "storage/password_reset_repository.hpp"
#include "storage/professional_profile_repository.hpp"
#include "storage/share_invitation_repository.hpp"
#include "storage/share_repository.hpp"
#include "storage/user_repository.hpp"
#include "storage/user_settings_repository.hpp"
