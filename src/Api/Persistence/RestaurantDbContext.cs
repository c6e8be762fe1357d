using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Restaurant.Domain;
using Restaurant.Domain.Orders;
using Restaurant.Domain.Pricing;
using Restaurant.Domain.Tables;

namespace Restaurant.Api.Persistence;

/// <summary>The store of the floor's tables, orders, menus and idempotency keys; SQLite by default (PostgreSQL: <see cref="PostgresRestaurantDbContext"/>).</summary>
public class RestaurantDbContext : DbContext
{
    public RestaurantDbContext(DbContextOptions<RestaurantDbContext> options) : base(options)
    {
    }

    /// <summary>For a provider's own context type, which its own migrations are written for.</summary>
    protected RestaurantDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Table> Tables => Set<Table>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<DinerToken> DinerTokens => Set<DinerToken>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<Tender> Tenders => Set<Tender>();
    public DbSet<StoredMenu> Menus => Set<StoredMenu>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<Quantity>().HaveConversion<QuantityConverter>();
        // SQLite has no time type: UTC ticks keep instants comparable and sortable in SQL.
        if (Database.IsSqlite()) configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Table>(table =>
        {
            table.HasKey(t => t.Id);
            table.Property(t => t.Id).HasMaxLength(Table.MaxIdLength);
            table.Property(t => t.Code).HasMaxLength(Table.CodeLength);
        });
        modelBuilder.Entity<Order>(order =>
        {
            order.HasKey(o => o.Id);
            order.Property(o => o.Table).HasMaxLength(Order.MaxTableLength);
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.Version).IsConcurrencyToken();
            order.Property(o => o.Bill).HasConversion(new BillJsonConverter());
            order.Ignore(o => o.Balance);
            order.Ignore(o => o.PendingLines);
            order.Ignore(o => o.IsActive);
            order.Ignore(o => o.PendingAmount);
            order.Ignore(o => o.PaymentStatus);
            // A table has at most one active order (neither paid nor cancelled). The filter is written the way
            // OrderQueries.Active's query reads, so SQLite also finds a table's active order through this index.
            order.HasIndex(o => o.Table).IsUnique().HasFilter(OrderQueries.ActiveFilter);
            // Open orders by how long they have stood idle: the abandoned-order sweep reads only these, however many
            // orders the restaurant has served (AbandonedOrderQueryTests).
            order.HasIndex(o => o.LastChangedAt).HasFilter(OrderQueries.OpenFilter);
            order.HasIndex(o => o.CreatedAt);
            InColumnOrder(order, nameof(Order.Id), nameof(Order.Table), nameof(Order.Guests), nameof(Order.Status), nameof(Order.CreatedAt),
                nameof(Order.Version), nameof(Order.Bill), nameof(Order.Paid), nameof(Order.LastChangedAt));
            order.HasIndex(o => new { o.Status, o.CreatedAt });
            order.HasMany(o => o.Lines).WithOne().HasForeignKey("OrderId").IsRequired().OnDelete(DeleteBehavior.Cascade);
            order.HasMany(o => o.Tickets).WithOne().HasForeignKey("OrderId").IsRequired().OnDelete(DeleteBehavior.Cascade);
            order.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
            order.HasMany(o => o.Tenders).WithOne().HasForeignKey("OrderId").IsRequired().OnDelete(DeleteBehavior.Cascade);
            order.Navigation(o => o.Tickets).UsePropertyAccessMode(PropertyAccessMode.Field);
            order.Navigation(o => o.Tenders).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<DinerToken>(token =>
        {
            token.HasKey(t => t.Id);
            token.Property(t => t.Id).HasMaxLength(32);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.Property(t => t.Diner).HasMaxLength(Order.MaxDinerLength);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasOne<Order>().WithMany().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<OrderLine>(line =>
        {
            line.HasKey(l => l.Id);
            line.Ignore(l => l.IsPending);
            line.Property(l => l.MenuItemId).HasMaxLength(64);
            line.Property(l => l.Name).HasMaxLength(200);
            line.Property(l => l.Diner).HasMaxLength(40);
            line.Property(l => l.Note).HasMaxLength(200);
            line.HasIndex("OrderId", nameof(OrderLine.Position)).IsUnique();
            line.HasIndex("OrderId", nameof(OrderLine.TicketNumber));
        });
        modelBuilder.Entity<Ticket>(ticket =>
        {
            ticket.HasKey(t => t.Sequence);
            ticket.Property(t => t.Sequence).ValueGeneratedOnAdd();
            ticket.HasIndex("OrderId", nameof(Ticket.Number)).IsUnique();
        });
        modelBuilder.Entity<Tender>(tender =>
        {
            tender.HasKey(t => t.Id);
            tender.Ignore(t => t.Charge);
            tender.Property(t => t.AttemptId).HasMaxLength(32);
            tender.Property(t => t.Method).HasConversion<string>().HasMaxLength(8);
            tender.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
            tender.Property(t => t.Currency).HasMaxLength(3);
            tender.Property(t => t.CardToken).HasMaxLength(Tender.MaxCardTokenLength);
            tender.Property(t => t.GatewayKey).HasMaxLength(64);
            tender.Property(t => t.DeclineCode).HasMaxLength(64);
            tender.Property(t => t.Message).HasMaxLength(500);
            tender.Property(t => t.PaymentId).HasMaxLength(255);
            tender.Property(t => t.Diner).HasMaxLength(Order.MaxDinerLength);
            tender.HasIndex("OrderId", nameof(Tender.AttemptId), nameof(Tender.Index)).IsUnique();
            tender.HasIndex(t => t.GatewayKey).IsUnique();
            // Reconciliation reads only what is pending, however many payments the restaurant has taken.
            tender.HasIndex(t => t.Status).HasFilter("\"Status\" = 'Pending'");
            InColumnOrder(tender, nameof(Tender.Id), nameof(Tender.AttemptId), nameof(Tender.Index), nameof(Tender.Method), nameof(Tender.Amount),
                nameof(Tender.Tip), nameof(Tender.Currency), nameof(Tender.CardToken), nameof(Tender.GatewayKey), nameof(Tender.Status),
                nameof(Tender.DeclineCode), nameof(Tender.Message), nameof(Tender.PaymentId), nameof(Tender.CreatedAt), "OrderId", nameof(Tender.Diner));
        });
        modelBuilder.Entity<StoredMenu>(menu =>
        {
            menu.HasKey(m => m.Version);
            menu.Property(m => m.Version).ValueGeneratedNever();
            // Availability rewrites a stored version: two writers on one version must not both win.
            menu.Property(m => m.Revision).IsConcurrencyToken();
            menu.HasIndex(m => m.EffectiveFrom);
        });
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.HasKey(r => new { r.Caller, r.KeyHash });
            record.Property(r => r.Caller).HasMaxLength(80);
            record.Property(r => r.KeyHash).HasMaxLength(64);
            record.HasIndex(r => r.ExpiresAt);
        });
    }

    /// <summary>
    /// Fixes the order of a table's columns: as the table was first created, with columns added later at the end. SQLite
    /// keeps columns where they were made, and when EF Core rebuilds a table (SQLite cannot drop a column otherwise) it
    /// orders the columns it was not told about by name; so a database migrated step by step and one built from the
    /// model have the same tables only if the order is written down (SchemaTests).
    /// </summary>
    private static void InColumnOrder<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> entity, params string[] columns)
        where T : class
    {
        for (var i = 0; i < columns.Length; i++) entity.Property(columns[i]).HasColumnOrder(i);
    }

    private sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Minor, v => new Money(v));

    private sealed class QuantityConverter() : ValueConverter<Quantity, int>(q => q.Value, v => new Quantity(v));

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class BillJsonConverter() : ValueConverter<Bill?, string?>(
        bill => bill == null ? null : JsonSerializer.Serialize(bill, StoredJson.Options),
        json => json == null ? null : JsonSerializer.Deserialize<Bill>(json, StoredJson.Options));
}
