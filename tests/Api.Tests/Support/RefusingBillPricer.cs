using Microsoft.Extensions.Logging.Abstractions;
using Restaurant.Api.Features.Orders;
using Restaurant.Domain;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Tests.Support;

/// <summary>A pricer that breaks one of the server's own invariants: the stand-in for a bug behind a refusal code.</summary>
public sealed class RefusingBillPricer(string domainCode) : BillPricer(NullLogger<BillPricer>.Instance)
{
    public override Task<PricedBill> PriceAsync(Order order, Domain.Menus.Menu menu, int menuVersion, CancellationToken cancellationToken) =>
        throw new DomainException(domainCode, "An invariant of the server was broken.");
}
