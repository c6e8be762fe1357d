// The bare baseline of issue #6: the least an item addition can do at the SQL level, so that the API's overhead is
// a ratio. What it does, and what it leaves out on purpose:
// - Same hosting as the API (WebApplication.CreateBuilder, Kestrel, minimal APIs, System.Text.Json), Production
//   environment, warnings-only logging, and the API's thread-pool floor (128), which its SQLite setup also sets.
// - Same SQLite file layout: the Orders and OrderLines tables and their indexes, with the DDL of the API's migration
//   (BaselineSchema.cs); WAL; and on every connection open the API's pragmas (busy_timeout = 10000,
//   synchronous = NORMAL, foreign_keys = ON). Connections come from Microsoft.Data.Sqlite's pool, as in the API.
// - POST /orders {table}: one INSERT of an open order; 201 {id, accessToken} (the token is not checked anywhere).
// - POST /orders/{id}/items {add:[{menuItemId, quantity, diner?, note?}]}: in one BEGIN IMMEDIATE transaction, read
//   the order's Version and its lines' MAX(Position), INSERT each line (name and price from the default menu, held in
//   memory), UPDATE the order's Version where it is still the one read; COMMIT; 200 {id, version, lineIds}.
// - On PostgreSQL (Baseline__Database=postgres, NpgsqlBaselineStore.cs): the same statements in a READ COMMITTED
//   transaction that first locks the order's row (SELECT … FOR UPDATE), as the API's PostgreSQL dialect does; the
//   tables as the API's PostgreSQL migrations create them (the columns it writes); Npgsql's pool.
// - Left out: authentication (the API looks the bearer token's hash up in Orders), validation, MediatR, EF Core, the
//   menu read from the database, loading the whole order (lines, tickets, tenders) and answering the whole order view.
using Microsoft.Data.Sqlite;
using Restaurant.Benchmarks.Baseline;

// Microsoft.Data.Sqlite blocks a pool thread while it waits for the write lock; the API raises the floor the same way.
ThreadPool.GetMinThreads(out var workers, out var completionPorts);
ThreadPool.SetMinThreads(Math.Max(workers, 128), completionPorts);

var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Restaurant")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Restaurant to the SQLite file (or PostgreSQL database) to use.");
IBaselineStore store = builder.Configuration["Baseline:Database"] == "postgres"
    ? new NpgsqlBaselineStore(connectionString)
    : new BaselineStore(connectionString);
await store.CreateSchemaAsync();
var app = builder.Build();

app.MapGet("/health/ready", () => Results.Ok());
app.MapPost("/orders", async (NewOrder body) =>
{
    var id = await store.OpenOrderAsync(body.Table);
    return Results.Created($"/orders/{id}", new { id, accessToken = "unchecked" });
});
app.MapPost("/orders/{id}/items", async (string id, Additions body) =>
{
    var added = await store.AddLinesAsync(id, body.Add);
    return added is null ? Results.NotFound() : Results.Ok(added);
});
await app.RunAsync();

internal sealed record NewOrder(string Table);

internal sealed record Additions(IReadOnlyList<Addition> Add);

internal sealed record Addition(string MenuItemId, int Quantity, string? Diner, string? Note);
