#pragma once
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/paging/page.hpp"

namespace shido::testing {

// Reads a keyset-paginated list to its end, `limit` rows at a time, the way a client does
// (each request passes the previous page's next_after), and checks every page on the way:
// the same total on each, full pages while another follows, next_after absent on the last
// one, which is empty only when the whole list is. Returns the rows in the order read.
template <typename Fetch>
auto walk_pages(Fetch&& fetch, int limit, long long expected_total, const std::string& what) {
    using PageType = decltype(fetch(std::declval<core::PageRequest>()));
    std::vector<typename decltype(PageType::items)::value_type> rows;
    core::PageRequest request;
    request.limit = limit;
    const long long max_pages = expected_total / limit + 2;  // guards against a cursor loop
    for (long long n = 0; n < max_pages; ++n) {
        auto page = fetch(request);
        EXPECT_EQ(page.total, expected_total) << what << ", page " << n;
        EXPECT_LE(page.items.size(), static_cast<std::size_t>(limit)) << what << ", page " << n;
        for (auto& item : page.items) rows.push_back(std::move(item));
        if (!page.next_after) {
            if (n > 0) {
                EXPECT_FALSE(page.items.empty()) << what << ": empty last page";
            }
            return rows;
        }
        EXPECT_EQ(page.items.size(), static_cast<std::size_t>(limit))
            << what << ", page " << n << " is short but says more follow";
        EXPECT_NE(request.after, page.next_after) << what << ": cursor did not move";
        request.after = page.next_after;
    }
    ADD_FAILURE() << what << ": more than " << max_pages << " pages";
    return rows;
}

// The ids of rows, in order.
template <typename Rows>
std::vector<long long> ids_of(const Rows& rows) {
    std::vector<long long> ids;
    for (const auto& row : rows) ids.push_back(row.id);
    return ids;
}

// Walks the list with several page sizes and checks that the rows read equal `expected`
// (ids, in order): nothing twice, nothing left out, whatever the page size.
template <typename Fetch>
void expect_pages(Fetch&& fetch, const std::vector<long long>& expected, const std::string& what,
                  std::initializer_list<int> limits = {1, 2, 3, 200}) {
    for (int limit : limits) {
        auto label = what + " (limit " + std::to_string(limit) + ")";
        auto ids = ids_of(walk_pages(fetch, limit, static_cast<long long>(expected.size()), label));
        EXPECT_EQ(ids, expected) << label;
        EXPECT_EQ(std::set<long long>(ids.begin(), ids.end()).size(), ids.size())
            << label << ": a row read twice";
    }
}

}  // namespace shido::testing
