/*
 * statistics.c — summaries of replicate distributions: percentile
 * (Hyndman-Fan type 7) quantiles, mean and standard deviation, and the
 * Student-t p-value of a correlation coefficient through the regularised
 * incomplete beta function (continued fraction, modified Lentz; Press et
 * al., Numerical Recipes, 3rd ed., section 6.4).  See period_stats.h.
 */
#include <math.h>
#include <string.h>

#include "analyses/period_stats.h"

static gint compare_doubles(gconstpointer a, gconstpointer b, gpointer data)
{
    (void)data;
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double rn_quantile(const double *values, guint n, double p)
{
    g_return_val_if_fail(n == 0 || values != NULL, NAN);
    g_return_val_if_fail(p >= 0 && p <= 1, NAN);
    g_autofree double *sorted = g_new(double, n + 1);
    guint m = 0;
    for (guint i = 0; i < n; i++)
        if (!isnan(values[i]))
            sorted[m++] = values[i];
    if (m == 0)
        return NAN;
    g_qsort_with_data(sorted, (gint)m, sizeof(double), compare_doubles, NULL);
    double h = (m - 1) * p;
    guint lo = (guint)floor(h);
    if (lo + 1 >= m)
        return sorted[m - 1];
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

void rn_mean_sd(const double *values, guint n, double *mean, double *sd)
{
    g_return_if_fail(mean != NULL);
    g_return_if_fail(sd != NULL);
    g_return_if_fail(n == 0 || values != NULL);
    double sum = 0;
    guint m = 0;
    for (guint i = 0; i < n; i++)
        if (!isnan(values[i])) {
            sum += values[i];
            m++;
        }
    *mean = m ? sum / m : NAN;
    if (m < 2) {
        *sd = NAN;
        return;
    }
    double squares = 0;
    for (guint i = 0; i < n; i++)
        if (!isnan(values[i]))
            squares += (values[i] - *mean) * (values[i] - *mean);
    *sd = sqrt(squares / (m - 1));
}

/* The continued fraction of I_x(a, b), valid for x < (a + 1) / (a + b + 2). */
static double beta_fraction(double a, double b, double x)
{
    const double tiny = 1e-300, eps = 1e-16;
    double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (fabs(d) < tiny)
        d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 300; m++) {
        int m2 = 2 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (fabs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (fabs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (fabs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (fabs(c) < tiny)
            c = tiny;
        d = 1 / d;
        double step = d * c;
        h *= step;
        if (fabs(step - 1) < eps)
            break;
    }
    return h;
}

double rn_incomplete_beta(double a, double b, double x)
{
    g_return_val_if_fail(a > 0 && b > 0, NAN);
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    double front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
    if (x < (a + 1) / (a + b + 2))
        return front * beta_fraction(a, b, x) / a;
    return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

double rn_correlation_p_value(double rho, guint n)
{
    if (isnan(rho) || n < 3)
        return NAN;
    if (fabs(rho) >= 1)
        return 0;
    double df = n - 2.0;
    double t2 = rho * rho * df / (1 - rho * rho);
    /* P(|T| >= t) = I_{df / (df + t^2)}(df / 2, 1 / 2). */
    return rn_incomplete_beta(df / 2, 0.5, df / (df + t2));
}
