using System.Buffers;

namespace Restaurant.Domain;

/// <summary>
/// What any text the restaurant keeps may hold. Control characters (U+0000–U+001F, U+007F) are refused because
/// PostgreSQL cannot store a NUL and a line break or escape can rearrange a kitchen ticket; bidirectional overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069) because they make a ticket or a receipt read otherwise than it was typed.
/// </summary>
public static class TextRules
{
    /// <summary>Says what was refused; the field it is about is named beside it (the problem's <c>errors</c>).</summary>
    public const string Refusal =
        "Text may not hold control characters (U+0000 to U+001F, U+007F) or bidirectional overrides and isolates (U+202A to U+202E, U+2066 to U+2069).";

    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        [.. Enumerable.Range(0x00, 0x20).Select(c => (char)c), '\u007F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);

    /// <summary>True when <paramref name="text"/> (or no text at all) holds none of the refused characters.</summary>
    public static bool IsClean(string? text) => text is null || !text.AsSpan().ContainsAny(Forbidden);

    /// <summary>Throws the coded refusal for <paramref name="field"/> unless <paramref name="text"/> is clean.</summary>
    public static void Ensure(string? text, string field)
    {
        if (!IsClean(text)) throw new DomainException(DomainErrors.InvalidText, $"{field}: {Refusal}") { Field = field };
    }
}
