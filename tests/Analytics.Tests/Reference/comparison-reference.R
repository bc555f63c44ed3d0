# Reference values for the group comparison (SPEC §5 "Group comparison", "Adjusted survival"),
# from R (Debian r-base-core, r-cran-survival). Run from this folder:  Rscript comparison-reference.R
# Writes comparison.input.csv / comparison.expected.csv (IPW with glm, common support, aliasing,
# diagnostics) and wkm.input.csv / wkm.expected.csv (survfit with case weights). The tests read the
# CSV files; they never call R.
suppressPackageStartupMessages(library(survival))
options(digits = 17)
w <- function(x, f) write.csv(x, f, row.names = FALSE, quote = TRUE, na = "NA")

make_case <- function(n, municipalities, seed, children_p = 0.6, prob = NULL) {
  set.seed(seed)
  municipality <- sample(municipalities, n, replace = TRUE, prob = prob)
  age <- sample(20:60, n, replace = TRUE)
  children <- rbinom(n, 1, children_p)
  baseline <- round(rnorm(n, 6, 1.5))
  effect <- setNames(rnorm(length(municipalities), 0, 0.5), municipalities)
  lp <- -0.3 + 0.02 * (age - 40) + 0.4 * children - 0.15 * (baseline - 6) + effect[municipality]
  cti <- rbinom(n, 1, plogis(lp))
  change <- round(-0.5 - 0.6 * cti - 0.1 * (baseline - 6) + rnorm(n, 0, 1.2), 1)
  data.frame(municipality, cti, age, children, baseline, change, stringsAsFactors = FALSE)
}

cases <- list()
# Every course has children (the PARENT instrument): the children column is constant, aliased with the intercept.
cases$constant_children <- make_case(300, c("Aarhus", "Horsens", "Vejle"), 21, children_p = 1)
# Children exactly where the municipality is Vejle: Vejle's indicator is aliased with children.
d <- make_case(300, c("Aarhus", "Horsens", "Vejle"), 22); d$children <- as.numeric(d$municipality == "Vejle")
cases$aliased_municipality <- d
# Skive has only CTI courses and Lemvig only KR: both are left out (common support).
d <- make_case(300, c("Aarhus", "Horsens", "Vejle"), 23)
d <- rbind(d, data.frame(municipality = "Skive", cti = 1, age = c(30, 41, 52, 35), children = c(1, 0, 1, 1),
                         baseline = c(5, 6, 7, 6), change = c(-1, 0.5, -2, 0)),
           data.frame(municipality = "Lemvig", cti = 0, age = c(44, 29), children = c(0, 1), baseline = c(8, 4), change = c(0.2, -0.4)))
cases$one_group_municipality <- d
# Denmark's 98 municipalities, about 27 courses in most and one or two in the last eight (some of
# which end up with one group only).
cases$national <- make_case(2450, sprintf("M%02d", 1:98), 24, prob = c(rep(1, 90), rep(0.05, 8)))

w(do.call(rbind, lapply(names(cases), function(k) cbind(case = k, cases[[k]]))), "comparison.input.csv")

expected <- list()
add <- function(case, term, value) expected[[length(expected) + 1]] <<- data.frame(case = case, term = term, value = value)
for (k in names(cases)) {
  d <- cases[[k]]
  groups <- tapply(d$cti, d$municipality, function(x) length(unique(x)))
  excluded <- sort(names(groups)[groups < 2], method = "radix")
  d <- d[!(d$municipality %in% excluded), ]
  kept <- sort(unique(d$municipality), method = "radix")
  ind <- sapply(kept[-1], function(m) as.numeric(d$municipality == m))
  colnames(ind) <- paste0("municipality_", kept[-1])
  x <- cbind(d[, c("age", "children", "baseline")], ind)
  # glm's defaults decide which columns are aliased (its QR tolerance is min(1e-7, epsilon / 1000),
  # so a smaller epsilon would also shrink that tolerance); the same model is then refitted on the
  # identified columns with a tight epsilon, so the reference is precise to many more digits.
  aliased <- glm(d$cti ~ ., data = x, family = binomial)
  aliased_names <- sub("^`(.*)`$", "\\1", names(coef(aliased))[is.na(coef(aliased))])
  identified <- x[, setdiff(colnames(x), aliased_names), drop = FALSE]
  fit <- glm(d$cti ~ ., data = identified, family = binomial, control = glm.control(epsilon = 1e-15, maxit = 100))
  p <- fitted(fit)
  wt <- ifelse(d$cti == 1, 1 / p, 1 / (1 - p))
  t <- d$cti == 1; cc <- d$cti == 0
  wt[t] <- wt[t] / sum(wt[t]); wt[cc] <- wt[cc] / sum(wt[cc])
  add(k, "ate", sum(wt[t] * d$change[t]) - sum(wt[cc] * d$change[cc]))
  add(k, "n_cti", sum(t)); add(k, "n_kr", sum(cc)); add(k, "n_excluded", nrow(cases[[k]]) - nrow(d))
  add(k, "excluded", paste(excluded, collapse = ";"))
  add(k, "aliased", paste(aliased_names, collapse = ";"))
  cf <- coef(fit); names(cf)[1] <- "intercept"
  for (j in seq_along(cf)) add(k, paste0("coef_", sub("^`(.*)`$", "\\1", names(cf)[j])), cf[[j]])
  add(k, "ess_cti", sum(wt[t])^2 / sum(wt[t]^2)); add(k, "ess_kr", sum(wt[cc])^2 / sum(wt[cc]^2))
  add(k, "max_weight_cti", max(wt[t])); add(k, "max_weight_kr", max(wt[cc]))
  # cobalt's weighted variance for normalised weights: sum(w (x - xbar_w)^2) / (1 - sum(w^2)).
  wvar <- function(v, ww) { ww <- ww / sum(ww); m <- sum(ww * v); sum(ww * (v - m)^2) / (1 - sum(ww^2)) }
  for (v in c("age", "baseline")) add(k, paste0("vr_", v), wvar(x[[v]][t], wt[t]) / wvar(x[[v]][cc], wt[cc]))
  for (v in colnames(x)) {
    pooled <- sqrt((var(x[[v]][t]) + var(x[[v]][cc])) / 2)
    before <- if (pooled == 0) NA else (mean(x[[v]][t]) - mean(x[[v]][cc])) / pooled
    after <- if (pooled == 0) NA else (sum(wt[t] * x[[v]][t]) - sum(wt[cc] * x[[v]][cc])) / pooled
    add(k, paste0("smd_before_", v), before); add(k, paste0("smd_after_", v), after)
  }
}
w(do.call(rbind, expected), "comparison.expected.csv")

# --- Weighted Kaplan–Meier: survfit(Surv(time, status) ~ 1, weights = w) ---------------------------
set.seed(25)
wkm <- list(
  ties = data.frame(time = c(10, 10, 10, 50, 50, 90, 180, 180, 200, 365, 365, 400, 400, 500),
                    status = c(1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0),
                    weight = c(0.5, 1.5, 2, 1, 0.25, 3, 1, 1, 0.7, 2.2, 1.1, 0.4, 1, 1)),
  random = data.frame(time = round(rexp(200, 1 / 500)), status = rbinom(200, 1, 0.6), weight = rexp(200, 1))
)
wkm$random$weight <- wkm$random$weight / sum(wkm$random$weight)   # normalised, as the weights in the analysis are
w(do.call(rbind, lapply(names(wkm), function(k) cbind(case = k, wkm[[k]]))), "wkm.input.csv")
w(do.call(rbind, lapply(names(wkm), function(k) {
  s <- summary(survfit(Surv(time, status) ~ 1, data = wkm[[k]], weights = weight), times = c(30, 180, 365))
  data.frame(case = k, time = s$time, surv = s$surv)
})), "wkm.expected.csv")

# --- Adjusted survival: glm on age, children and municipality (common support), weights 1/p and
# 1/(1 − p) normalised within group, survfit(..., weights = w) per group -----------------------------
set.seed(26)
n <- 400
adj <- data.frame(municipality = sample(c("Aarhus", "Horsens", "Vejle"), n, replace = TRUE, prob = c(0.4, 0.35, 0.25)),
                  age = sample(20:60, n, replace = TRUE), children = rbinom(n, 1, 0.6), stringsAsFactors = FALSE)
adj$cti <- rbinom(n, 1, plogis(-0.2 + 0.03 * (adj$age - 40) + 0.5 * adj$children + 0.4 * (adj$municipality == "Vejle")))
adj$time <- pmin(round(rexp(n, ifelse(adj$cti == 1, 1 / 900, 1 / 600) * exp(0.01 * (adj$age - 40)))), 500)
adj$status <- as.numeric(adj$time < 500 & rbinom(n, 1, 0.85) == 1)
adj <- rbind(adj, data.frame(municipality = "Skive", age = c(33, 47), children = c(1, 0), cti = 1, time = c(100, 400), status = c(1, 0)))
w(adj, "adjusted.input.csv")
groups <- tapply(adj$cti, adj$municipality, function(x) length(unique(x)))
a <- adj[adj$municipality %in% names(groups)[groups == 2], ]
fit <- glm(cti ~ age + children + factor(municipality), family = binomial, data = a, control = glm.control(epsilon = 1e-15, maxit = 100))
p <- fitted(fit)
a$w <- ifelse(a$cti == 1, 1 / p, 1 / (1 - p))
a$w[a$cti == 1] <- a$w[a$cti == 1] / sum(a$w[a$cti == 1]); a$w[a$cti == 0] <- a$w[a$cti == 0] / sum(a$w[a$cti == 0])
w(do.call(rbind, lapply(c(1, 0), function(g) {
  s <- summary(survfit(Surv(time, status) ~ 1, data = a[a$cti == g, ], weights = w), times = c(180, 365))
  data.frame(group = if (g == 1) "CTI" else "KR", n = sum(a$cti == g), s_180 = s$surv[1], s_365 = s$surv[2])
})), "adjusted.expected.csv")
