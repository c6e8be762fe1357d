using Microsoft.Extensions.Primitives;

namespace Restaurant.Api.Infrastructure;

/// <summary>
/// The <c>return</c> preference of RFC 7240 (<c>Prefer: return=minimal</c>): an endpoint that honours it answers a
/// smaller body and says so in <c>Preference-Applied</c>. Any other preference is ignored, as the RFC allows.
/// </summary>
public static class ReturnPreference
{
    public const string PreferHeader = "Prefer";
    public const string AppliedHeader = "Preference-Applied";
    public const string Minimal = "return=minimal";

    /// <summary>Whether the request's Prefer headers ask for <c>return=minimal</c> (names and values case-insensitive, parameters ignored).</summary>
    public static bool IsMinimal(StringValues prefer)
    {
        foreach (var header in prefer)
        {
            if (header is null) continue;
            foreach (var preference in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var token = preference.Split(';', 2)[0].Trim();
                var equals = token.IndexOf('=');
                if (equals < 0 || !token[..equals].Trim().Equals("return", StringComparison.OrdinalIgnoreCase)) continue;
                // The first return preference counts (RFC 7240 §2: a repeated preference is ignored).
                return token[(equals + 1)..].Trim().Trim('"').Equals("minimal", StringComparison.OrdinalIgnoreCase);
            }
        }
        return false;
    }
}
