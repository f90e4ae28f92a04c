#pragma once

#include <vector>

// The vocabulary of the synthetic demo shop (generator.cpp): a category tree with English and
// Chinese names, brands, title words, description phrases and attribute values per top category.
namespace recforge::shopwords {

// Number of top categories in shopTree(); user tastes are fixed-size arrays over them.
constexpr int kTopCount = 8;

struct Words {
    const char *en;
    const char *zh;
};

struct Leaf {
    std::vector<Words> path;     // below the top category: 1 (two-level leaf) or 2 names
    Words noun;                  // what the item is called in a title: "Serum" / "精华液"
    double medianPrice;          // the log-normal price median of the leaf
    std::vector<Words> variants; // size / capacity suffixes ("30ml"); may be empty
};

struct Attribute {
    const char *name;
    std::vector<const char *> values;
};

struct Top {
    Words name;
    double weight; // relative popularity of the category (item share and user tastes)
    std::vector<Words> brands;
    std::vector<Words> adjectives; // title words
    std::vector<Words> features;   // "with ..." phrases of descriptions
    std::vector<Words> benefits;   // second sentences of descriptions
    std::vector<Attribute> attributes;
    std::vector<Leaf> leaves;
};

// The fixed category tree (8 top categories, 49 leaves). Order is part of the generator's output.
const std::vector<Top> &shopTree();

struct UserVocabulary {
    std::vector<const char *> ageBands;
    std::vector<double> ageWeights;
    std::vector<const char *> genders;
    std::vector<double> genderWeights;
    std::vector<const char *> regions;
    std::vector<double> regionWeights;
};
const UserVocabulary &userVocabulary();

} // namespace recforge::shopwords
