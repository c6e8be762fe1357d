using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Restaurant.Api.Persistence;

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

/// <summary>The configured staff keys, compared by hash in constant time.</summary>
public sealed class StaffKeys
{
    private readonly byte[][] _hashes;

    public StaffKeys(IConfiguration configuration, IHostEnvironment environment, ILogger<StaffKeys> logger)
    {
        var keys = configuration.GetSection("Restaurant:StaffKeys").Get<string[]>()?.Where(k => !string.IsNullOrWhiteSpace(k)).ToArray() ?? [];
        if (keys.Length == 0)
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException("Restaurant:StaffKeys is empty: configure at least one staff key outside Development.");
            logger.LogWarning("No staff key is configured: accepting '{Key}', which is fit for Development only.", Access.DevelopmentStaffKey);
            keys = [Access.DevelopmentStaffKey];
        }
        _hashes = keys.Select(HashOf).ToArray();
    }

    public bool Matches(string candidate)
    {
        var hash = HashOf(candidate);
        var match = false;
        foreach (var known in _hashes) match |= CryptographicOperations.FixedTimeEquals(known, hash);
        return match;
    }

    private static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

/// <summary>Turns a bearer token into staff or the diner of one order; answers 401/403 as problems.</summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    StaffKeys staffKeys, KnownTokens knownTokens, RestaurantDbContext db, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            return AuthenticateResult.Fail("The Authorization header is not a bearer token.");
        var token = header[7..].Trim();

        if (staffKeys.Matches(token))
            return Success(new Claim(ClaimTypes.Role, Access.StaffOnly), new Claim(Access.CallerClaim, "staff:" + Access.Hash(token)[..16]));

        var hash = Access.Hash(token);
        var holder = knownTokens.HolderOf(hash)
            ?? knownTokens.Remember(hash, await db.DinerTokens.AsNoTracking().Where(t => t.TokenHash == hash)
                .Select(t => new TokenHolder(t.OrderId, t.Id, t.Diner)).FirstOrDefaultAsync(Context.RequestAborted));
        if (holder is null) return AuthenticateResult.Fail("The token belongs to no order.");
        List<Claim> claims =
        [
            new(ClaimTypes.Role, "diner"),
            new(Access.OrderIdClaim, holder.OrderId),
            new(Access.TokenIdClaim, holder.TokenId),
            // The order's diners share one Idempotency-Key space, as one table.
            new(Access.CallerClaim, "order:" + holder.OrderId),
        ];
        if (holder.Diner is not null) claims.Add(new Claim(Access.DinerClaim, holder.Diner));
        return Success([.. claims]);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = Access.Scheme;
        return WriteProblem(StatusCodes.Status401Unauthorized, "unauthorized", "Send 'Authorization: Bearer' with this order's access token or a staff key.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "forbidden", "This token may not do that.");

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));

    private async Task WriteProblem(int status, string code, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = status == 401 ? "Unauthorized" : "Forbidden", Detail = detail, Extensions = { ["code"] = code } },
        });
    }
}

/// <summary>Whose a diner token is: its order, its id and the diner who holds it.</summary>
public sealed record TokenHolder(string OrderId, string TokenId, string? Diner);

/// <summary>
/// Token hashes already matched to their holder. The match never changes (orders are never deleted, and a token row
/// is never rewritten), so every node may keep it; unknown tokens are not kept, so guessing cannot fill the memory.
/// </summary>
public sealed class KnownTokens
{
    private const int Capacity = 50_000;
    private readonly ConcurrentDictionary<string, TokenHolder> _holderByHash = new(StringComparer.Ordinal);

    public TokenHolder? HolderOf(string tokenHash) => _holderByHash.GetValueOrDefault(tokenHash);

    public TokenHolder? Remember(string tokenHash, TokenHolder? holder)
    {
        if (holder is null) return null;
        if (_holderByHash.Count >= Capacity) _holderByHash.Clear();
        _holderByHash[tokenHash] = holder;
        return holder;
    }
}
