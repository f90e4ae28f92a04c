#include <cstdio>
#include <cstring>
#include <string>

#include "recforge/version.h"

int main(int argc, char **argv)
{
    if (argc >= 2 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("recforge-cli %s (%s)\n", recforge::kVersion, recforge::kGitCommit);
        return 0;
    }
    std::printf("usage: recforge-cli --version\n");
    return argc >= 2 ? 2 : 0;
}
