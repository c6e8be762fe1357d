using Microsoft.EntityFrameworkCore;

namespace Restaurant.Api.Persistence;

/// <summary>
/// The same model on PostgreSQL. A type of its own, because EF Core finds migrations and the model snapshot by context
/// type, and PostgreSQL has its own (Migrations/Postgres; SQLite's are in Migrations/Sqlite).
/// </summary>
public sealed class PostgresRestaurantDbContext(DbContextOptions<PostgresRestaurantDbContext> options) : RestaurantDbContext(options);
