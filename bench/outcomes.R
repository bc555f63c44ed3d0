# The outcome statistics of SPEC §5 in R, from tables prepared by `evaluation bench outcomes`
# (scores per course and wave, survival times), for the speed comparison.
# Usage: Rscript outcomes.R <folder with scores.csv, housing.csv, shelter.csv> <bootstrap resamples>
suppressPackageStartupMessages({ library(survival); library(lme4) })
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; B <- as.integer(args[2])
scores <- read.csv(file.path(dir, "scores.csv"), stringsAsFactors = FALSE)
housing <- read.csv(file.path(dir, "housing.csv"), stringsAsFactors = FALSE)
shelter <- read.csv(file.path(dir, "shelter.csv"), stringsAsFactors = FALSE)
reliability <- c(LONELY3 = 0.72, SELFCARE = 0.85, PARENT = 0.80, WHO5 = 0.84)
higher <- c(LONELY3 = FALSE, SELFCARE = TRUE, PARENT = TRUE, WHO5 = TRUE)
municipalities <- c("ALL", sort(unique(scores$municipality)))
scope <- function(d, m) if (m == "ALL") d else d[d$municipality == m, ]
results <- list()

# Change baseline → each wave, with t-test and reliable change counts.
for (ins in names(reliability)) for (m in municipalities) for (g in c("CTI", "KR")) for (to in c("m3", "m6", "end", "followup")) {
  d <- scope(scores[scores$instrument == ins & scores$group == g, ], m)
  b <- d[d$wave == "baseline", c("course_id", "score")]; t <- d[d$wave == to, c("course_id", "score")]
  p <- merge(b, t, by = "course_id")
  if (nrow(p) > 1 && sd(p$score.y - p$score.x) > 0) {
    tt <- t.test(p$score.y, p$score.x, paired = TRUE)
    rci <- (p$score.y - p$score.x) / (sd(p$score.x) * sqrt(2) * sqrt(1 - reliability[[ins]]))
    results[[length(results) + 1]] <- c(tt$estimate, tt$conf.int, tt$p.value, sum(abs(rci) > 1.96))
  }
}

# Shares at each wave.
for (ins in c("LONELY3", "SAFETY")) for (m in municipalities) for (g in c("CTI", "KR")) for (w in c("baseline", "m3", "m6", "end", "followup")) {
  d <- scope(scores[scores$instrument == ins & scores$group == g & scores$wave == w, ], m)
  if (nrow(d) > 0) results[[length(results) + 1]] <- if (ins == "LONELY3") mean(d$score >= 7) else mean(d$score)
}

# Trajectories.
for (ins in names(reliability)) for (m in municipalities) {
  d <- scope(scores[scores$instrument == ins & !is.na(scores$months), ], m)
  if (length(unique(d$group_cti)) == 2) {
    fit <- lmer(score ~ months * group_cti + (1 | course_id), data = d, REML = TRUE)
    results[[length(results) + 1]] <- c(fixef(fit), sqrt(diag(as.matrix(vcov(fit)))))
  }
}

# IPW comparison with bootstrap.
ipw <- function(d) {
  fit <- suppressWarnings(glm(group_cti ~ ., family = binomial, data = d[, setdiff(names(d), c("change", "course_id"))]))
  p <- fitted(fit); w <- ifelse(d$group_cti == 1, 1 / p, 1 / (1 - p))
  w[d$group_cti == 1] <- w[d$group_cti == 1] / sum(w[d$group_cti == 1]); w[d$group_cti == 0] <- w[d$group_cti == 0] / sum(w[d$group_cti == 0])
  sum(w[d$group_cti == 1] * d$change[d$group_cti == 1]) - sum(w[d$group_cti == 0] * d$change[d$group_cti == 0])
}
set.seed(1)
for (ins in names(reliability)) {
  d <- scores[scores$instrument == ins, ]
  b <- d[d$wave == "baseline", ]; e <- d[d$wave == "end", c("course_id", "score")]
  p <- merge(b, e, by = "course_id")
  p <- data.frame(course_id = p$course_id, group_cti = p$group_cti, age = p$age, children = p$children, baseline = p$score.x,
                  municipality = factor(p$municipality), change = p$score.y - p$score.x)
  mm <- model.matrix(~ municipality, p)[, -1, drop = FALSE]
  p <- cbind(p[, c("course_id", "group_cti", "age", "children", "baseline", "change")], mm)
  ate <- ipw(p)
  boot <- replicate(B, ipw(p[sample.int(nrow(p), replace = TRUE), ]))
  results[[length(results) + 1]] <- c(ate, quantile(boot, c(0.025, 0.975)))
}

# Kaplan–Meier.
for (m in municipalities) for (g in c("CTI", "KR")) {
  for (d in list(scope(housing[housing$group == g, ], m), scope(shelter[shelter$group == g, ], m))) {
    if (nrow(d) > 0) {
      s <- summary(survfit(Surv(time, event) ~ 1, data = d), times = c(180, 365), extend = TRUE)
      results[[length(results) + 1]] <- c(s$surv, s$lower, s$upper)
    }
  }
}
cat(length(results), "results\n")
