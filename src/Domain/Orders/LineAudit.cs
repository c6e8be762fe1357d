namespace Restaurant.Domain.Orders;

/// <summary>Who voided or comped a line (a staff key's non-secret id), when and why.</summary>
public sealed record LineAudit(string Reason, string By, DateTimeOffset At)
{
    public const int MaxReasonLength = 200;
    public const int MaxByLength = 64;

    public static bool IsValidReason(string? reason) =>
        !string.IsNullOrWhiteSpace(reason) && reason.Length <= MaxReasonLength && TextRules.IsClean(reason);

    internal static LineAudit Create(string? reason, string by, DateTimeOffset at)
    {
        TextRules.Ensure(reason, "reason");
        if (!IsValidReason(reason))
            throw new DomainException(DomainErrors.InvalidReason, $"A reason is 1 to {MaxReasonLength} characters.") { Field = "reason" };
        if (string.IsNullOrEmpty(by) || by.Length > MaxByLength)
            throw new ArgumentException($"The staff key id is 1 to {MaxByLength} characters.", nameof(by));
        return new LineAudit(reason!.Trim(), by, at);
    }
}
