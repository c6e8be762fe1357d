using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests.Schema;

/// <summary>
/// A database taken back one migration (`dotnet ef database update <previous>`, to run the previous API again) is one
/// that API can write to: the kitchen's sequence, numbered by that schema's own default, still grows past the tickets
/// already there, so kitchen screens paging with `after` see the new ones.
/// </summary>
public sealed class MigrationDownTests
{
    [Fact]
    public async Task Going_back_one_migration_numbers_new_tickets_above_the_existing_ones()
    {
        using var api = new RestaurantApi();
        var table = await TableSession.OpenAsync(api, Tables.Unique("down"));
        await (await table.AddAsync(TableSession.Item("soup"))).ReadOkJsonAsync();
        await (await table.SubmitAsync()).ReadOkJsonAsync(HttpStatusCode.Created);
        await using var db = api.Database.OpenContext();
        var existing = await db.Tickets.MaxAsync(t => t.Sequence);
        var migrations = db.Database.GetMigrations().ToList();

        await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        var numbered = await db.Database.SqlQueryRaw<long>(
            "INSERT INTO \"Tickets\" (\"OrderId\", \"Number\", \"Kind\", \"SubmittedAt\") " +
            "SELECT \"OrderId\", \"Number\" + 1, \"Kind\", \"SubmittedAt\" FROM \"Tickets\" WHERE \"Sequence\" = {0} " +
            "RETURNING \"Sequence\" AS \"Value\"", existing).ToListAsync();

        Assert.True(numbered.Single() > existing, $"a ticket numbered {numbered.Single()} after going back, below {existing}");
    }
}
