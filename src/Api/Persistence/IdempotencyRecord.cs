namespace Restaurant.Api.Persistence;

/// <summary>
/// A POST made with an Idempotency-Key: claimed (with a lease) before the work starts, completed with the response
/// in the same transaction as the work, so a stored response always means the work was done exactly once.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 255;
    /// <summary>"anonymous", "order:" and an order id, or "staff:" and 16 hex digits of the key's hash, with room to spare.</summary>
    public const int MaxCallerLength = 80;
    /// <summary>A SHA-256 in hex.</summary>
    public const int KeyHashLength = 64;
    /// <summary>The longest Preference-Applied the API sends ("return=minimal"), with room to spare.</summary>
    public const int MaxPreferenceLength = 32;

    public string Caller { get; set; } = "";
    /// <summary>SHA-256 of the Idempotency-Key; the key itself is never stored (it decrypts <see cref="Body"/>).</summary>
    public string KeyHash { get; set; } = "";
    /// <summary>SHA-256 of method, path and body: a repeat must be the same request.</summary>
    public string Fingerprint { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>Who is doing the work now, and until when; a lease that ran out means that worker died.</summary>
    public Guid? LeaseId { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    /// <summary>The response body, AES-GCM encrypted with a key derived from the Idempotency-Key: a stored
    /// POST /orders answer holds an access token, and tokens are kept only as hashes.</summary>
    public byte[]? Body { get; set; }
    // Declared last, as the migration that added it put it last (a database built from the model must agree).
    /// <summary>The first answer's Preference-Applied, if any: a replay carries it too.</summary>
    public string? PreferenceApplied { get; set; }
}
