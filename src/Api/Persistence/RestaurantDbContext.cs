using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Restaurant.Api.Persistence.Configurations;
using Restaurant.Domain;
using Restaurant.Domain.Orders;
using Restaurant.Domain.Tables;

namespace Restaurant.Api.Persistence;

/// <summary>The store of the floor's tables, orders, menus and idempotency keys; SQLite by default (PostgreSQL: <see cref="PostgresRestaurantDbContext"/>).</summary>
public class RestaurantDbContext : DbContext
{
    public RestaurantDbContext(DbContextOptions<RestaurantDbContext> options) : base(options) =>
        SavingChanges += (_, _) => Outbox.NoteSaving(ChangeTracker);

    /// <summary>For a provider's own context type, which its own migrations are written for.</summary>
    protected RestaurantDbContext(DbContextOptions options) : base(options) =>
        SavingChanges += (_, _) => Outbox.NoteSaving(ChangeTracker);

    public DbSet<Table> Tables => Set<Table>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<DinerToken> DinerTokens => Set<DinerToken>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<Tender> Tenders => Set<Tender>();
    public DbSet<Discount> Discounts => Set<Discount>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<StoredMenu> Menus => Set<StoredMenu>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<StoredEvent> Events => Set<StoredEvent>();

    /// <summary>The events the command transaction under way has recorded (<see cref="EventRecording"/>).</summary>
    public EventOutbox Outbox { get; } = new();

    /// <summary>What this host's store does differently (locks, isolation, snapshots), as AddPersistence chose it.</summary>
    public IDatabaseDialect Dialect => this.GetService<IDatabaseDialect>();

    /// <summary>This application's compiled queries (<see cref="CompiledQueries"/>).</summary>
    public CompiledQueries Compiled => this.GetService<CompiledQueries>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<Quantity>().HaveConversion<QuantityConverter>();
        // SQLite has no time type: UTC ticks keep instants comparable and sortable in SQL.
        if (Database.IsSqlite()) configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    /// <summary>One configuration per entity (Persistence/Configurations), sized by the domain's own limits.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TableConfiguration());
        modelBuilder.ApplyConfiguration(new OrderConfiguration());
        modelBuilder.ApplyConfiguration(new DinerTokenConfiguration());
        modelBuilder.ApplyConfiguration(new OrderLineConfiguration());
        modelBuilder.ApplyConfiguration(new TicketConfiguration(Database.IsSqlite()));
        if (!Database.IsSqlite()) modelBuilder.HasSequence<long>(PostgresEvents.TicketOrdinals);
        modelBuilder.ApplyConfiguration(new TenderConfiguration());
        modelBuilder.ApplyConfiguration(new DiscountConfiguration());
        modelBuilder.ApplyConfiguration(new RefundConfiguration());
        modelBuilder.ApplyConfiguration(new StoredMenuConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new StoredEventConfiguration(Database.IsSqlite()));
    }

    private sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Minor, v => new Money(v));

    private sealed class QuantityConverter() : ValueConverter<Quantity, int>(q => q.Value, v => new Quantity(v));

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
