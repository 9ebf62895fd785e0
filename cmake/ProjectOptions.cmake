# Flags travel on INTERFACE targets that every real target links: no global state.
add_library(shido_options INTERFACE)
target_compile_options(shido_options INTERFACE -Wall -Wextra -Werror -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual)
target_compile_definitions(shido_options INTERFACE $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
# GCC 12 reports std::string concatenations of literals as out-of-bounds (-O2), overlapping or
# oversized (-O3) copies when inlining lines up (GCC bugs 105329, 105651): warnings, not errors.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(shido_options INTERFACE -Wno-error=array-bounds -Wno-error=restrict
    -Wno-error=stringop-overflow)
endif()

# UBSan's vptr check needs the typeinfo of every polymorphic class it sees; Debian's SOCI
# does not export the typeinfo of its internal statement classes, so that one check is off.
if(SHIDO_SANITIZE)
  target_compile_options(shido_options INTERFACE -fsanitize=address,undefined -fno-sanitize=vptr
                         -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(shido_options INTERFACE -fsanitize=address,undefined -fno-sanitize=vptr)
  # GCC's flow analysis sees the sanitizers' checks as paths where std::optional<json> and
  # std::function members are read uninitialised (false positives in system headers).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(shido_options INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()

# Fuzzing instruments every target it builds for coverage, and checks memory as it goes.
if(SHIDO_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "SHIDO_FUZZ needs clang++ (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
  endif()
  target_compile_options(shido_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                         -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(shido_options INTERFACE -fsanitize=address,undefined)
endif()

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

# SOCI (with Boost.Fusion) and nlohmann/json cost seconds per translation unit; compiling them
# once per target instead roughly halves a clean build on two cores.
option(SHIDO_PCH "Precompile the heavy third-party headers" ON)
function(shido_precompile target)
  if(SHIDO_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
