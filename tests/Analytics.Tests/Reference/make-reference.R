# Reference values for the Analytics tests, from R (Debian r-base-core, r-cran-survival, r-cran-lme4).
# Run from this folder:  Rscript make-reference.R
# It writes the input tables (*.input.csv) and what R computes from them (*.expected.csv); the
# tests read both, compute the same statistics in C# and compare.
suppressPackageStartupMessages({ library(survival); library(lme4) })
options(digits = 17)
w <- function(x, f) write.csv(x, f, row.names = FALSE, quote = TRUE)

# --- Paired change: t.test(paired = TRUE), d_z, Jacobson–Truax RCI -------------------------------
set.seed(11)
cases <- list(
  small   = data.frame(from = c(5, 7, 6),             to = c(4, 4, 6)),
  ties    = data.frame(from = c(3, 3, 3, 4, 4, 9, 9), to = c(3, 5, 3, 7, 4, 6, 9)),
  random  = data.frame(from = round(rnorm(40, 6, 1.5)), to = round(rnorm(40, 5, 1.5))),
  worse   = data.frame(from = c(20, 40, 60, 52, 32, 80), to = c(28, 60, 72, 48, 56, 84)),
  two     = data.frame(from = c(1.2, 3.4),            to = c(2.2, 3.0))
)
reliability <- c(small = 0.72, ties = 0.72, random = 0.85, worse = 0.84, two = 0.80)
higher <- c(small = FALSE, ties = FALSE, random = TRUE, worse = TRUE, two = TRUE)
inputs <- do.call(rbind, lapply(names(cases), function(k) cbind(case = k, cases[[k]])))
w(inputs, "paired.input.csv")
expected <- do.call(rbind, lapply(names(cases), function(k) {
  d <- cases[[k]]; ch <- d$to - d$from
  tt <- t.test(d$to, d$from, paired = TRUE)
  rci <- ch / (sd(d$from) * sqrt(2) * sqrt(1 - reliability[[k]]))
  better <- if (higher[[k]]) rci else -rci
  data.frame(case = k, reliability = reliability[[k]], higher_is_better = higher[[k]], n = nrow(d),
             mean_from = mean(d$from), mean_to = mean(d$to), mean_change = mean(ch), sd_change = sd(ch),
             ci_low = tt$conf.int[1], ci_high = tt$conf.int[2], p_value = tt$p.value, d_z = mean(ch) / sd(ch),
             improved = sum(better > 1.96), deteriorated = sum(better < -1.96), unchanged = sum(abs(rci) <= 1.96))
}))
w(expected, "paired.expected.csv")

# --- Kaplan–Meier: survfit defaults (Greenwood, conf.type = "log") ---------------------------------
set.seed(12)
km <- list(
  ties = data.frame(time = c(10, 10, 10, 50, 50, 90, 180, 180, 200, 365, 365, 400, 400, 500),
                    status = c(1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0)),
  random = data.frame(time = round(rexp(150, 1 / 500)), status = rbinom(150, 1, 0.6)),
  censored_at_365 = data.frame(time = c(30, 100, 100, 365, 365, 365, 365), status = c(1, 0, 1, 1, 0, 0, 0))
)
w(do.call(rbind, lapply(names(km), function(k) cbind(case = k, km[[k]]))), "km.input.csv")
w(do.call(rbind, lapply(names(km), function(k) {
  s <- summary(survfit(Surv(time, status) ~ 1, data = km[[k]]), times = c(180, 365))
  data.frame(case = k, time = s$time, surv = s$surv, lower = s$lower, upper = s$upper, n = nrow(km[[k]]), events = sum(km[[k]]$status))
})), "km.expected.csv")

# --- Linear mixed model: lmer(score ~ months * group_cti + (1 | course), REML = TRUE) --------------
make_long <- function(n, sd_course, seed) {
  set.seed(seed)
  rows <- list()
  for (i in seq_len(n)) {
    cti <- rbinom(1, 1, 0.6); b <- rnorm(1, 0, sd_course)
    waves <- sort(sample(c(0, 3, 6, 9, 15), sample(1:5, 1)))   # unbalanced: 1 to 5 waves
    months <- waves + round(runif(length(waves), -0.5, 0.8), 2)
    score <- 6 + b - 0.10 * months - 0.3 * cti - 0.08 * months * cti + rnorm(length(waves), 0, 1.1)
    rows[[i]] <- data.frame(course = sprintf("C%04d", i), months = months, group_cti = cti, score = score)
  }
  do.call(rbind, rows)
}
lmm <- list(typical = make_long(120, 1.2, 13), boundary = make_long(80, 0, 14))
w(do.call(rbind, lapply(names(lmm), function(k) cbind(case = k, lmm[[k]]))), "lmm.input.csv")
w(do.call(rbind, lapply(names(lmm), function(k) {
  fit <- lmer(score ~ months * group_cti + (1 | course), data = lmm[[k]], REML = TRUE)
  vc <- as.data.frame(VarCorr(fit))
  data.frame(case = k, term = c(names(fixef(fit)), "var_course", "var_residual"),
             estimate = c(fixef(fit), vc$vcov[vc$grp == "course"], vc$vcov[vc$grp == "Residual"]),
             se = c(sqrt(diag(as.matrix(vcov(fit)))), NA, NA))
})), "lmm.expected.csv")

# --- IPW: glm(binomial) propensity, normalised weights, ate, standardised mean differences --------
set.seed(15)
n <- 400
municipality <- sample(c("Aalborg", "København", "Odense"), n, replace = TRUE, prob = c(0.3, 0.45, 0.25))
age <- sample(20:60, n, replace = TRUE); children <- rbinom(n, 1, 0.6); baseline <- round(rnorm(n, 6, 1.5))
lp <- -0.5 + 0.02 * (age - 40) + 0.4 * children - 0.15 * (baseline - 6) + 0.5 * (municipality == "København")
cti <- rbinom(n, 1, plogis(lp))
change <- round(-0.5 - 0.6 * cti - 0.1 * (baseline - 6) + rnorm(n, 0, 1.2), 1)
ipw <- data.frame(cti, age, children, baseline, m_kobenhavn = as.numeric(municipality == "København"),
                  m_odense = as.numeric(municipality == "Odense"), change)
w(ipw, "ipw.input.csv")
fit <- glm(cti ~ age + children + baseline + m_kobenhavn + m_odense, family = binomial, data = ipw)
p <- fitted(fit)
wt <- ifelse(ipw$cti == 1, 1 / p, 1 / (1 - p))
wt[ipw$cti == 1] <- wt[ipw$cti == 1] / sum(wt[ipw$cti == 1]); wt[ipw$cti == 0] <- wt[ipw$cti == 0] / sum(wt[ipw$cti == 0])
ate <- sum(wt[ipw$cti == 1] * ipw$change[ipw$cti == 1]) - sum(wt[ipw$cti == 0] * ipw$change[ipw$cti == 0])
covs <- c("age", "children", "baseline", "m_kobenhavn", "m_odense")
smd <- function(x, weights) {
  pooled <- sqrt((var(x[ipw$cti == 1]) + var(x[ipw$cti == 0])) / 2)
  (sum(weights[ipw$cti == 1] * x[ipw$cti == 1]) - sum(weights[ipw$cti == 0] * x[ipw$cti == 0])) / pooled
}
plain <- ifelse(ipw$cti == 1, 1 / sum(ipw$cti == 1), 1 / sum(ipw$cti == 0))
w(rbind(data.frame(term = c("ate", paste0("coef_", names(coef(fit)))), before = c(ate, coef(fit)), after = NA),
        data.frame(term = covs, before = sapply(covs, function(v) smd(ipw[[v]], plain)), after = sapply(covs, function(v) smd(ipw[[v]], wt)))),
  "ipw.expected.csv")
