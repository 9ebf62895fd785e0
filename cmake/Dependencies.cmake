# Every library comes from Debian packages installed by scripts/setup.sh.
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)  # must precede restinio
find_package(restinio REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)  # .docx writing, .xlsx reading
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)    # the XML inside uploaded .xlsx files
pkg_check_modules(OATH REQUIRED IMPORTED_TARGET liboath)   # TOTP codes of the second factor
# dtl (libdtl-dev) is header-only: the sequence diff behind version comparisons.
find_path(DTL_INCLUDE_DIR dtl/dtl.hpp REQUIRED)
find_package(CURL REQUIRED)  # SMTP for the outbox (libcurl4-openssl-dev)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)

# SOCI ships neither a CMake config nor a .pc file.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE soci_core REQUIRED)
find_library(SOCI_SQLITE3 soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL soci_postgresql REQUIRED)
add_library(soci_all INTERFACE)
target_include_directories(soci_all SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${PostgreSQL_INCLUDE_DIRS})
target_link_libraries(soci_all INTERFACE ${SOCI_CORE} ${SOCI_SQLITE3} ${SOCI_POSTGRESQL}
                      SQLite::SQLite3 PostgreSQL::PostgreSQL)

if(SHIDO_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(SHIDO_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
