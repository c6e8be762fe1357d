using Restaurant.Api.Features.Events;
using Restaurant.Api.Features.Kitchen;
using Restaurant.Api.Features.Menu;
using Restaurant.Api.Features.Orders;
using Restaurant.Api.Features.Pages;
using Restaurant.Api.Features.Payments;
using Restaurant.Api.Features.Receipts;
using Restaurant.Api.Features.Tables;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.OpenApi;
using Restaurant.Api.Infrastructure.Telemetry;
using Restaurant.Api.Persistence;

var builder = WebApplication.CreateBuilder(args);

const long maxBodyBytes = 64 * 1024;
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBodyBytes);
builder.Services.AddSingleton<TimeProvider>(new StoredClock(TimeProvider.System));
builder.Services.AddPersistence(builder.Configuration);
builder.Services.AddMediation();
builder.AddRestaurantTelemetry();
builder.Services.AddStrictJson();
builder.Services.AddAccessControl();
builder.Services.AddSingleton(IdempotencyOptions.FromConfiguration(builder.Configuration));
builder.Services.AddScoped<IdempotencyStore>();
builder.Services.AddScoped<CurrentIdempotencyClaim>();
builder.Services.AddSingleton<BillPricer>();
builder.Services.AddHostedService<IdempotencyPurge>();
builder.Services.AddSingleton(AbandonedOrderOptions.FromConfiguration(builder.Configuration));
builder.Services.AddSingleton(ReceiptOptions.FromConfiguration(builder.Configuration));
builder.Services.AddHostedService<AbandonedOrderSweep>();
builder.Services.AddSingleton<IdempotencyReleases>();
builder.Services.AddHostedService(services => services.GetRequiredService<IdempotencyReleases>());
builder.Services.AddPayments(builder.Configuration);
builder.Services.AddEvents(builder.Configuration);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
    context.ProblemDetails.Extensions.TryAdd("code", ProblemCodes.ForStatus(status));
    context.ProblemDetails.Detail ??= ProblemCodes.DetailFor(status);
    // A bare 400 is a validation failure too, naming what failed: an optional query value that did not parse (the
    // generated binder answers it without an exception), else the body, which the framework could not read to its end.
    if (context.ProblemDetails.Extensions["code"] is ProblemCodes.ValidationFailed && !context.ProblemDetails.Extensions.ContainsKey("errors"))
    {
        var (field, detail, error) = BindingFailures.Describe(context.HttpContext);
        if (field == BindingFailures.Body) (detail, error) = (context.ProblemDetails.Detail!, context.ProblemDetails.Detail!);
        context.ProblemDetails.Detail = detail;
        context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [error] };
    }
});
builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
// Malformed bodies and required parameters reach ApiExceptionHandler as exceptions, so they get the same problem shape.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddRestaurantOpenApi();

var app = builder.Build();
app.Services.GetRequiredService<StaffKeys>();
// Startup step: the store may need the thread pool to start more threads at once than it would by itself (SQLite's
// writers block a thread while they wait for the file's lock: see SqliteDialect.MinWorkerThreads). It is set here, once,
// for the whole process, before any request.
ThreadPool.GetMinThreads(out var minWorkers, out var minCompletionPorts);
ThreadPool.SetMinThreads(Math.Max(minWorkers, app.Services.GetRequiredService<IDatabaseDialect>().MinWorkerThreads), minCompletionPorts);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RawCardDataGuard>();
app.Use(async (context, next) =>
{
    // Kestrel enforces its limit only on bodies something reads, and /submit and /bill read none: start reading an
    // oversized one, so Kestrel refuses it (413, and the connection closed cleanly) before any work is done.
    if (context.Request.ContentLength > maxBodyBytes) await context.Request.Body.ReadExactlyAsync(new byte[1]);
    // The idempotency fingerprint hashes the exact body, so keep it readable after model binding.
    if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(IdempotencyStore.Header))
        context.Request.EnableBuffering();
    await next(context);
});
app.UsePageAssets();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<ReadRetry>();
// Last before the endpoint, so that a caller without access still gets 401 or 403 first: an empty value of a numeric
// query parameter is a bare 400, which the problem details above name (BindingFailures).
app.Use((context, next) =>
{
    if (!BindingFailures.HasEmptyValue(context)) return next(context);
    context.Response.StatusCode = StatusCodes.Status400BadRequest;
    return Task.CompletedTask;
});

app.MapOpenApi();
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/openapi/v1.json", "Restaurant API");
    options.RoutePrefix = "docs";
});
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
// Every endpoint of the API honours an Idempotency-Key on POST; what runs in a transaction is the command's own
// business (ICommand, ISteppedCommand), and CommandEndpointTests check that every write endpoint sends one.
var api = app.MapGroup("").WithIdempotency();
api.MapMenu();
api.MapTables();
api.MapOrders();
api.MapReceipts();
api.MapKitchen();
api.MapPayments();
api.MapEvents();
// The table app, the waiter tablet and the kitchen display (wwwroot/app): clients of the API, served by it.
app.MapPages(app.Environment);

await app.Services.InitializeDatabaseAsync();
await app.RunAsync();

public partial class Program;
