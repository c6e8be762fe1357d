using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Shared;

/// <summary>How the API names a tender's method on the wire, in requests (POST /payments) and in every view of a tender.</summary>
public static class PaymentMethods
{
    public const string Card = "credit_card";
    public const string Cash = "cash";

    public static string NameOf(TenderMethod method) => method == TenderMethod.Card ? Card : Cash;
}
