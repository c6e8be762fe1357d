using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Infrastructure;

/// <summary>Turns a bearer token into staff or one diner of one order; answers 401/403 as problems.</summary>
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
