using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Tests.Support;

namespace Restaurant.Api.Tests;

/// <summary>
/// The unit of work is a property of the command, not something each endpoint must remember: every endpoint that
/// writes sends a request carrying its transaction (through <see cref="CommandSender"/>, which takes nothing else) and
/// has the Idempotency-Key filter; every request named Command carries a transaction marker, and no query does.
/// </summary>
public sealed class CommandEndpointTests(RestaurantApiFixture fixture) : IClassFixture<RestaurantApiFixture>
{
    private static readonly string[] WriteMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    [Fact]
    public void Every_write_endpoint_sends_a_command_and_honours_idempotency_keys()
    {
        var endpoints = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Methods.Any(WriteMethods.Contains))
            .ToList();

        var faults = new List<string>();
        foreach (var (endpoint, methods) in endpoints)
        {
            var name = $"{string.Join('/', methods)} {endpoint.RoutePattern.RawText}";
            var parameters = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters().Select(p => p.ParameterType).ToList() ?? [];
            if (!parameters.Contains(typeof(CommandSender))) faults.Add($"{name} does not send its work as a command (CommandSender)");
            if (parameters.Contains(typeof(IMediator))) faults.Add($"{name} may send a request without a transaction (IMediator)");
            if (endpoint.Metadata.GetMetadata<IdempotencyFilter>() is null) faults.Add($"{name} has no {nameof(IdempotencyFilter)}");
        }
        Assert.Empty(faults);
        // Menu (3), orders (create, items, submit, fire, void, comp, discount, remove discount, service charge, bill, cancel),
        // tables (put, new code, delete), payments (pay, refund), the kitchen's status (1).
        Assert.Equal(20, endpoints.Count);
    }

    [Fact]
    public void Every_command_carries_its_transaction_and_no_query_does()
    {
        var requests = typeof(CommandSender).Assembly.GetTypes()
            .Where(t => !t.IsInterface && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .ToList();

        Assert.All(requests.Where(t => t.Name == "Command"), command => Assert.True(IsMarked(command), $"{command.FullName} carries no transaction marker"));
        // A use case may have more than one query (GetOrder's VersionQuery answers If-None-Match): each ends in "Query".
        Assert.All(requests.Where(t => t.Name.EndsWith("Query", StringComparison.Ordinal)), query => Assert.False(IsMarked(query), $"{query.FullName} is a query marked as a command"));
        Assert.Equal(requests.Count, requests.Count(t => t.Name == "Command" || t.Name.EndsWith("Query", StringComparison.Ordinal)));
    }

    private static bool IsMarked(Type request) => request.GetInterfaces().Any(i =>
        i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(ISteppedCommand<>)));
}
