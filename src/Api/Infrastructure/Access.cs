using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace Restaurant.Api.Infrastructure;

/// <summary>Who may call what: a diner holds an access token of one order (one per diner), staff hold a configured key.</summary>
public static class Access
{
    public const string Scheme = "Bearer";
    public const string StaffOnly = "staff";
    public const string OrderHolder = "order-holder";
    public const string OrderIdClaim = "order_id";
    /// <summary>The id of the diner's token (<see cref="Domain.Orders.DinerToken.Id"/>), which tells diners apart.</summary>
    public const string TokenIdClaim = "token_id";
    /// <summary>The name the token's holder gave, when they gave one.</summary>
    public const string DinerClaim = "diner";
    public const string CallerClaim = "caller";
    public const string DevelopmentStaffKey = "dev-staff-key";

    /// <summary>256 random bits, URL-safe; only its hash is stored.</summary>
    public static string NewAccessToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The tokens are random, not passwords, so a plain SHA-256 is the right hash.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(StaffOnly);

    public static string Caller(this ClaimsPrincipal user) => user.FindFirstValue(CallerClaim) ?? "anonymous";

    /// <summary>The name of the diner who holds the caller's token; null for staff and for a diner who gave none.</summary>
    public static string? Diner(this ClaimsPrincipal user) => user.IsStaff() ? null : user.FindFirstValue(DinerClaim);

    public static IServiceCollection AddAccessControl(this IServiceCollection services)
    {
        services.AddSingleton<StaffKeys>();
        services.AddSingleton<KnownTokens>();
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffOnly, policy => policy.RequireRole(StaffOnly))
            .AddPolicy(OrderHolder, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                context.User.IsStaff() ||
                (context.Resource is HttpContext http &&
                 (http.GetRouteValue("id") ?? http.GetRouteValue("orderId")) is string orderId &&
                 context.User.FindFirstValue(OrderIdClaim) == orderId)));
        return services;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
