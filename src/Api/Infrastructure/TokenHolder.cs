namespace Restaurant.Api.Infrastructure;

/// <summary>Whose a diner token is: its order, its id (which tells diners apart) and the name its holder gave.</summary>
public sealed record TokenHolder(string OrderId, string TokenId, string? Diner);
