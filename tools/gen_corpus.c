/* gen_corpus.c - writes a deterministic corpus of news-like prose for
 * benchmarks: headlines and paragraphs with people, companies, product
 * codes, amounts, percentages, dates and ages, consistent within each
 * document (so the run measures the real path, not a flood of findings).
 *
 * usage: gen_corpus DIR TOTAL_BYTES FILES [SEED]
 *        gen_corpus --single FILE BYTES [SEED]
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)((rng_state >> 33) % n);
}

#define PICK(a) (a[rnd(sizeof a / sizeof a[0])])

static const char *first[] = {"Maria",  "James",  "Aiko",      "Daniel", "Priya",
                              "Tomas",  "Grace",  "Oluwaseun", "Lena",   "Victor",
                              "Hannah", "Rafael", "Mei",       "Samuel"};
static const char *last[] = {"Okafor", "Lindqvist", "Moreau",    "Tanaka",   "Brennan", "Castillo",
                             "Novak",  "Haddad",    "Whitfield", "Sorensen", "Iyer",    "Kowalski"};
static const char *companies[] = {
    "Nvidia", "Boeing", "Siemens", "Toyota",          "Unilever",           "Samsung",     "Vestas",
    "Maersk", "Orsted", "Infosys", "Halvard Systems", "Brightwater Energy", "Corvane Labs"};
static const char *codes[] = {"H20",     "A800",     "B200", "MI308",   "F-35",   "737 MAX",
                              "A320neo", "RTX 4090", "PS5",  "Model Y", "GPT-4o", "iPhone 15"};
static const char *titles[] = {"chief executive", "chief financial officer",
                               "chairman",        "head of research",
                               "spokeswoman",     "analyst"};
static const char *months[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};
static const char *weekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                 "Thursday", "Friday", "Saturday"};
static const char *places[] = {"Berlin",  "Osaka",     "Lagos",     "Toronto",   "Mumbai",
                               "Seattle", "Rotterdam", "Sao Paulo", "Melbourne", "Nairobi"};
static const char *verbs[] = {"said", "added", "told reporters", "wrote in a note to clients",
                              "said in a statement"};
static const char *topics[] = {"export controls",         "supply chains",   "quarterly results",
                               "a new factory",           "the trade talks", "the merger",
                               "demand for data centers", "the recall",      "a labour dispute"};

typedef struct story {
    char person[64], surname[32], company[32], code[32], title[40], place[32];
    int age, year, month, day;
    unsigned amount;
} story;

static int weekday_of(int y, int m, int d)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3)
        y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static void new_story(story *s)
{
    const char *l = PICK(last);
    snprintf(s->person, sizeof s->person, "%s %s", PICK(first), l);
    snprintf(s->surname, sizeof s->surname, "%s", l);
    snprintf(s->company, sizeof s->company, "%s", PICK(companies));
    snprintf(s->code, sizeof s->code, "%s", PICK(codes));
    snprintf(s->title, sizeof s->title, "%s", PICK(titles));
    snprintf(s->place, sizeof s->place, "%s", PICK(places));
    s->age = 35 + (int)rnd(35);
    s->year = 2019 + (int)rnd(7);
    s->month = 1 + (int)rnd(12);
    s->day = 1 + (int)rnd(28);
    s->amount = 2 + rnd(900);
}

/* One paragraph of 3-6 sentences. */
static size_t paragraph(FILE *out, const story *s, int first_para)
{
    long start = ftell(out);
    int n = 3 + (int)rnd(4);
    for (int i = 0; i < n; i++) {
        if (i)
            fputc(' ', out);
        switch (first_para && i == 0 ? 0 : 1 + rnd(9)) {
        case 0:
            fprintf(out,
                    "%s, %d, the %s of %s, said on %s, %s %d, %d that the company would "
                    "expand production of the %s.",
                    s->person, s->age, s->title, s->company,
                    weekdays[weekday_of(s->year, s->month, s->day)], months[s->month - 1], s->day,
                    s->year, s->code);
            break;
        case 1:
            fprintf(out, "The %s has been at the centre of %s since %s, %s %s.", s->code,
                    PICK(topics), months[s->month - 1], s->surname, PICK(verbs));
            break;
        case 2:
            fprintf(out,
                    "%s plans to invest $%u million in %s over the next %u years, with "
                    "about %u%% of the money going to research.",
                    s->company, s->amount, s->place, 2 + rnd(5), 10 + rnd(60));
            break;
        case 3:
            fprintf(out,
                    "\"We are confident in the %s,\" %s %s, adding that demand in %s had "
                    "risen by %u.%u%% from a year earlier.",
                    s->code, s->surname, PICK(verbs), s->place, rnd(30), rnd(10));
            break;
        case 4:
            fprintf(out,
                    "Analysts at the U.S. bank expect shipments of %u,%03u units in %d, up "
                    "from %u,%03u last year.",
                    1 + rnd(90), rnd(1000), s->year, 1 + rnd(90), rnd(1000));
            break;
        case 5:
            fprintf(out,
                    "Shares of %s rose %u%% in early trading in %s on Mr. %s's comments "
                    "about %s.",
                    s->company, 1 + rnd(9), s->place, s->surname, PICK(topics));
            break;
        case 6:
            fprintf(out,
                    "The company employs %u,%03u people and reported revenue of $%u.%u "
                    "billion for the quarter.",
                    1 + rnd(200), rnd(1000), 1 + rnd(80), rnd(10));
            break;
        case 7:
            fprintf(out,
                    "Regulators in %s are reviewing the deal, which would be the largest in "
                    "the sector since %d.",
                    s->place, s->year - 1 - (int)rnd(10));
            break;
        default:
            fprintf(out, "%s, who joined %s in %d, has overseen %s and the launch of the %s.",
                    s->surname, s->company, s->year - 2 - (int)rnd(15), PICK(topics), s->code);
            break;
        }
    }
    fputs("\n\n", out);
    return (size_t)(ftell(out) - start);
}

static int write_doc(const char *path, size_t bytes)
{
    FILE *out = fopen(path, "w");
    if (!out) {
        fprintf(stderr, "gen_corpus: %s: %s\n", path, strerror(errno));
        return -1;
    }
    story s;
    new_story(&s);
    fprintf(out, "%s weighs next steps for %s\n\n", s.company, s.code);
    size_t written = 0;
    int para = 0;
    while (written < bytes) {
        /* long documents move on to new stories now and then */
        if (para && para % 12 == 0)
            new_story(&s);
        written += paragraph(out, &s, para % 12 == 0);
        para++;
    }
    return fclose(out) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "--single") == 0) {
        rng_state = argc > 4 ? strtoull(argv[4], NULL, 10) : 42;
        return write_doc(argv[2], strtoull(argv[3], NULL, 10)) == 0 ? 0 : 1;
    }
    if (argc < 4) {
        fprintf(stderr, "usage: gen_corpus DIR TOTAL_BYTES FILES [SEED]\n"
                        "       gen_corpus --single FILE BYTES [SEED]\n");
        return 2;
    }
    const char *dir = argv[1];
    unsigned long long total = strtoull(argv[2], NULL, 10);
    unsigned long files = strtoul(argv[3], NULL, 10);
    rng_state = argc > 4 ? strtoull(argv[4], NULL, 10) : 42;
    if (files == 0)
        return 2;
    mkdir(dir, 0755);
    for (unsigned long i = 0; i < files; i++) {
        char sub[4096], path[4200];
        snprintf(sub, sizeof sub, "%s/%03lu", dir, i / 500);
        mkdir(sub, 0755);
        snprintf(path, sizeof path, "%s/doc-%05lu.txt", sub, i);
        /* sizes vary around the mean, from a brief to a long feature */
        size_t mean = (size_t)(total / files);
        size_t size = mean / 4 + rnd((uint32_t)(mean * 3 / 2 + 1));
        if (write_doc(path, size) != 0)
            return 1;
    }
    return 0;
}
