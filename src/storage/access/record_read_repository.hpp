#pragma once
#include <string>

#include "core/ids.hpp"
#include "core/paging/page.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// One opening of the company's records or submissions by someone outside the company.
struct RecordRead {
    long long id = 0;
    core::Timestamp at = 0;
    std::string reader_name;
    std::string reader_role;  // core::Role key
    std::string record;       // what was opened, in Japanese
    std::string path;
};

class RecordReadRepository {
  public:
    explicit RecordReadRepository(Connection& c) : c_(c) {}
    void add(core::Id engagement_id, core::Id reader_id, const RecordRead& read);
    // Newest first.
    core::Page<RecordRead> page(core::Id engagement_id, const core::PageRequest& request);

  private:
    Connection& c_;
};

}  // namespace shido::storage
