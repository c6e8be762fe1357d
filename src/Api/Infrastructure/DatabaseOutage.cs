namespace Restaurant.Api.Infrastructure;

/// <summary>
/// The database as this host has lately found it, and how a request it could not serve is answered. Every database
/// call that fails because the database is unavailable (<see cref="DbErrors.IsUnavailable"/>) reports here, and so
/// does every commit: the first failure of an outage logs one warning with its cause (no stack trace), the failures
/// after it log at Debug, and the outage ends, with one line saying how long it lasted, at the first commit after a
/// quiet second (reads are no proof: a SQLite file that another process locks, or a full disk, still answers them).
/// A failure after a quiet minute starts a new outage even if nothing committed in between. One per host (a DI
/// singleton).
/// </summary>
public sealed class DatabaseOutage(TimeProvider clock, ILogger<DatabaseOutage> logger)
{
    /// <summary>Seconds a client waits before repeating a request the database could not serve (the Retry-After header).</summary>
    public const int RetryAfterSeconds = 2;

    // Calls already in flight when the database went down may still commit after its first failure: an outage ends
    // only at a commit after this long without a failure.
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);
    // Without writes to end it, an outage is taken to have ended after this long without a failure.
    private static readonly TimeSpan ForgottenAfter = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private volatile bool _down;
    private long _startedAt;
    private long _lastFailureAt;
    private int _failures;

    /// <summary>True from the first failure of an outage until the database takes writes again.</summary>
    public bool IsDown => _down;

    /// <summary>A database call failed because the database is unavailable.</summary>
    public void Failed(Exception exception)
    {
        bool started;
        lock (_gate)
        {
            started = !_down || clock.GetElapsedTime(_lastFailureAt) > ForgottenAfter;
            _lastFailureAt = clock.GetTimestamp();
            if (started)
            {
                _down = true;
                _startedAt = _lastFailureAt;
                _failures = 0;
            }
            _failures++;
        }
        if (started)
            logger.LogWarning("The database is unavailable ({Cause}); requests that need it are answered 503 service_unavailable until it is back",
                DbErrors.Describe(exception));
        else
            logger.LogDebug("The database is still unavailable ({Cause})", DbErrors.Describe(exception));
    }

    /// <summary>A transaction committed; cheap when the database is up, as it is nearly always.</summary>
    public void Committed()
    {
        if (!_down) return;
        TimeSpan lasted;
        int failures;
        lock (_gate)
        {
            if (!_down || clock.GetElapsedTime(_lastFailureAt) < QuietPeriod) return;
            _down = false;
            lasted = clock.GetElapsedTime(_startedAt);
            failures = _failures;
        }
        logger.LogInformation("The database is back after {Seconds:0.0} s; {Failures} database calls failed meanwhile", lasted.TotalSeconds, failures);
    }

    /// <summary>
    /// Failures a client can wait out, answered 503 service_unavailable: the database is unavailable, a commit's
    /// outcome was left unknown by it, or other writers kept winning for longer than the command's retries.
    /// </summary>
    public static bool Covers(Exception exception) =>
        exception is WriteOutcomeUnknownException || DbErrors.IsUnavailable(exception) || DbErrors.IsContention(exception);

    /// <summary>
    /// What the client is told about a request refused for <paramref name="exception"/> (one of <see cref="Covers"/>):
    /// the problem's detail, and <c>outcome</c>, which says whether the request changed anything: <c>not_applied</c>
    /// (safe to repeat as it is) or <c>unknown</c> (repeat it only with the same Idempotency-Key, or read first).
    /// </summary>
    public (string Detail, IReadOnlyDictionary<string, object?> Extensions) Refuse(HttpContext http, Exception exception)
    {
        // A failure the database calls did not report (one outside EF Core) still starts an outage.
        if (!_down && DbErrors.IsUnavailable(exception)) Failed(exception);
        var unknown = exception is WriteOutcomeUnknownException;
        logger.LogDebug("{Method} {Path} answered 503 service_unavailable ({Outcome}): {Cause}", http.Request.Method, http.Request.Path,
            unknown ? "outcome unknown" : "nothing changed", DbErrors.Describe(exception));
        var detail = unknown
            ? "The database became unavailable while this change was being committed, so it may or may not have been applied. " +
              "Repeat it with the same Idempotency-Key, or read the order before repeating it."
            : DbErrors.IsUnavailable(exception)
                ? "The service is briefly unavailable (its database cannot be reached); nothing was changed. Retry after Retry-After seconds."
                : "The restaurant is very busy right now; nothing was changed. Retry after Retry-After seconds.";
        return (detail, new Dictionary<string, object?> { ["outcome"] = unknown ? "unknown" : "not_applied" });
    }
}
