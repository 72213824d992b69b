// The Boost.Test main for every test executable.
#define BOOST_TEST_MODULE nianbao_tests
#include <boost/test/unit_test.hpp>
