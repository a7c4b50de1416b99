/* stopwords.c - common English function words (and their contractions)
 * that carry no topic: dropped from a sentence's context words. Written
 * for factlint; lower case, ’ written as ', sorted by strcmp so that a
 * lookup is a binary search. "said", "says" and "say" are here too: news
 * prose reports speech in almost every sentence, so they say nothing
 * about what two sentences are about. */
#include "internal.h"

#include <string.h>

const char *const fl_stopwords[] = {
    "a",         "about",      "above",     "across",    "after",      "again",   "against",
    "ago",       "all",        "almost",    "along",     "already",    "also",    "although",
    "always",    "am",         "amid",      "among",     "an",         "and",     "another",
    "any",       "anyone",     "anything",  "are",       "aren't",     "around",  "as",
    "at",        "away",       "be",        "became",    "because",    "become",  "been",
    "before",    "behind",     "being",     "below",     "beside",     "besides", "between",
    "beyond",    "both",       "but",       "by",        "can",        "can't",   "cannot",
    "could",     "couldn't",   "did",       "didn't",    "do",         "does",    "doesn't",
    "doing",     "don't",      "done",      "down",      "dr",         "during",  "each",
    "either",    "else",       "enough",    "etc",       "even",       "ever",    "every",
    "few",       "for",        "from",      "further",   "had",        "hadn't",  "has",
    "hasn't",    "have",       "haven't",   "having",    "he",         "he's",    "her",
    "here",      "hers",       "herself",   "him",       "himself",    "his",     "how",
    "however",   "i",          "i'd",       "i'm",       "i've",       "if",      "in",
    "indeed",    "into",       "is",        "isn't",     "it",         "it's",    "its",
    "itself",    "just",       "least",     "less",      "let's",      "many",    "may",
    "me",        "might",      "more",      "most",      "mr",         "mrs",     "ms",
    "much",      "must",       "my",        "myself",    "neither",    "never",   "no",
    "nor",       "not",        "now",       "of",        "off",        "often",   "on",
    "once",      "one",        "only",      "onto",      "or",         "other",   "others",
    "otherwise", "our",        "ours",      "ourselves", "out",        "over",    "own",
    "per",       "perhaps",    "quite",     "rather",    "said",       "same",    "say",
    "says",      "several",    "shall",     "she",       "she's",      "should",  "shouldn't",
    "since",     "so",         "some",      "such",      "than",       "that",    "that's",
    "the",       "their",      "theirs",    "them",      "themselves", "then",    "there",
    "there's",   "thereby",    "therefore", "these",     "they",       "they're", "they've",
    "this",      "those",      "though",    "through",   "throughout", "thus",    "to",
    "too",       "toward",     "towards",   "under",     "unless",     "until",   "up",
    "upon",      "us",         "very",      "via",       "was",        "wasn't",  "we",
    "we're",     "we've",      "were",      "weren't",   "what",       "what's",  "whatever",
    "when",      "where",      "whereas",   "whether",   "which",      "while",   "who",
    "whom",      "whose",      "why",       "will",      "with",       "within",  "without",
    "won't",     "would",      "wouldn't",  "yet",       "you",        "your",    "yours",
    "yourself",  "yourselves",
};

const size_t fl_stopword_count = sizeof fl_stopwords / sizeof fl_stopwords[0];

bool fl_is_stopword(const char *s, size_t len)
{
    if (len == 0 || len > 10)
        return false; /* the longest is "yourselves" */
    size_t lo = 0, hi = fl_stopword_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const unsigned char *w = (const unsigned char *)fl_stopwords[mid];
        const unsigned char *q = (const unsigned char *)s;
        /* strcmp order of w against s[0..len), inline: no call per probe */
        int c = 0;
        size_t i = 0;
        for (; i < len; i++) {
            if (!w[i] || w[i] != q[i]) {
                c = w[i] < q[i] ? -1 : 1; /* w's NUL sorts first */
                break;
            }
        }
        if (i == len && w[len])
            c = 1;
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}
