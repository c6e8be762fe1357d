using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Features.Menu;

public static class GetMenu
{
    /// <summary>The menu in effect now, or a given version (tablets fetch scheduled ones ahead of time).</summary>
    public sealed record Query(int? Version) : IRequest<Result>;

    public sealed record Result(string ETag, MenuView Menu);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Version).GreaterThan(0);
    }

    public sealed class Handler(RestaurantDbContext db, MenuCache menus, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var stored = query.Version is { } version
                ? await db.Menus.AsNoTracking().SingleOrDefaultAsync(m => m.Version == version, cancellationToken)
                  ?? throw new ApiProblem(StatusCodes.Status404NotFound, "not_found", $"There is no menu version {version}.")
                : await db.CurrentMenuAsync(clock.GetUtcNow(), cancellationToken);
            return new Result(stored.ETag, MenuView.From(stored, menus.MenuOf(stored)));
        }
    }
}
