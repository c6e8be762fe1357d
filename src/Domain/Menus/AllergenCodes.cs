namespace Restaurant.Domain.Menus;

/// <summary>The 14 allergens EU law (Regulation 1169/2011, Annex II) requires a menu to declare, by their API codes.</summary>
public static class AllergenCodes
{
    public static readonly IReadOnlyList<string> Codes =
    [
        "gluten", "crustaceans", "eggs", "fish", "peanuts", "soybeans", "milk",
        "nuts", "celery", "mustard", "sesame", "sulphites", "lupin", "molluscs",
    ];

    private static readonly HashSet<string> Known = new(Codes, StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && Known.Contains(code);
}
