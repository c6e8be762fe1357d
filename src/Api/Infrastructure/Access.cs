using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace Restaurant.Api.Infrastructure;

/// <summary>Who may call what: a diner holds one order's access token, staff hold a configured key.</summary>
public static class Access
{
    public const string Scheme = "Bearer";
    public const string StaffOnly = "staff";
    public const string OrderHolder = "order-holder";
    public const string OrderIdClaim = "order_id";
    public const string CallerClaim = "caller";
    public const string DevelopmentStaffKey = "dev-staff-key";

    /// <summary>256 random bits, URL-safe; only its hash is stored.</summary>
    public static string NewAccessToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The tokens are random, not passwords, so a plain SHA-256 is the right hash.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(StaffOnly);

    public static string Caller(this ClaimsPrincipal user) => user.FindFirstValue(CallerClaim) ?? "anonymous";

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
