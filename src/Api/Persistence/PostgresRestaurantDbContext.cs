using Microsoft.EntityFrameworkCore;

namespace Restaurant.Api.Persistence;

/// <summary>
/// The same model on PostgreSQL. A type of its own, because EF Core finds migrations by context type, and PostgreSQL
/// has its own hand-written migrations (Migrations/Postgres).
/// </summary>
public sealed class PostgresRestaurantDbContext(DbContextOptions<PostgresRestaurantDbContext> options) : RestaurantDbContext(options);
