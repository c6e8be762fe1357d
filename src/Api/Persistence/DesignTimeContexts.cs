using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Restaurant.Api.Persistence;

// `dotnet ef` builds each context through these, one per provider, so `--context` alone picks the provider whose
// migrations it writes (README: "Adding a migration"). Neither opens a connection to write a migration; a command
// that needs a real database (`database update`) takes one with `--connection`.

/// <summary>The SQLite context for `dotnet ef` (migrations in Persistence/Migrations/Sqlite).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<RestaurantDbContext>
{
    public RestaurantDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RestaurantDbContext>().UseSqlite(PersistenceSetup.DefaultSqlite).Options);
}

/// <summary>The PostgreSQL context for `dotnet ef` (migrations in Persistence/Migrations/Postgres).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRestaurantDbContext>
{
    public PostgresRestaurantDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRestaurantDbContext>().UseNpgsql("Host=localhost;Database=restaurant").Options);
}
