using FluentValidation;
using Restaurant.Domain;

namespace Restaurant.Api.Infrastructure;

public static class TextValidation
{
    /// <summary>The domain's text rule (<see cref="TextRules"/>) as a check of one field, so the problem names it.</summary>
    public static IRuleBuilderOptions<T, string?> CleanText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(TextRules.IsClean).WithMessage(TextRules.Refusal);
}
