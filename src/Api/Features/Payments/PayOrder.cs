using Restaurant.Api.Features.Events;
using FluentValidation;
using MediatR;
using Restaurant.Api.Features.Payments.Gateways;
using Restaurant.Api.Features.Shared;
using Restaurant.Api.Infrastructure;
using Restaurant.Api.Infrastructure.Telemetry;
using Restaurant.Api.Persistence;
using Restaurant.Domain;
using Restaurant.Domain.Orders;

namespace Restaurant.Api.Features.Payments;

public static class PayOrder
{
    public sealed record Body(string? OrderId, decimal Total, IReadOnlyList<TenderBody>? Payments);

    public sealed record TenderBody(decimal Amount, string? PaymentMethod, string? CardToken, decimal? Tip, string? Diner);

    /// <param name="BodyOrderId">The order id the body names, if any: it must be the one in the path.</param>
    /// <param name="CallerDiner">The name on the caller's token: whose share a tender pays when it names nobody.</param>
    public sealed record Command(string OrderId, string? BodyOrderId, decimal Total, IReadOnlyList<TenderBody> Payments, bool ByStaff,
        string? CallerDiner = null) : ISteppedCommand<PaymentResult>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PaymentOptions options)
        {
            RuleFor(c => c.BodyOrderId).Equal(c => c.OrderId).When(c => c.BodyOrderId is not null)
                .OverridePropertyName("orderId").WithMessage("orderId must be the order in the path.");
            RuleFor(c => c.Total).Must(IsAmount).WithMessage("total is a non-negative amount with at most two decimals.");
            RuleFor(c => c.Payments).NotEmpty().WithMessage($"payments lists 1 to {Order.MaxTendersPerPayment} tenders.")
                .Must(p => p.Count <= Order.MaxTendersPerPayment).WithMessage($"payments lists 1 to {Order.MaxTendersPerPayment} tenders.");
            RuleForEach(c => c.Payments).NotNull().WithMessage("A tender is an object with an amount and a paymentMethod.").ChildRules(tender =>
            {
                tender.RuleFor(t => t.Amount).Must(a => a > 0 && IsAmount(a)).WithMessage("amount is positive, with at most two decimals.");
                tender.RuleFor(t => t.PaymentMethod).Must(m => m is PaymentMethods.Card or PaymentMethods.Cash)
                    .WithMessage($"paymentMethod is '{PaymentMethods.Card}' or '{PaymentMethods.Cash}'.");
                tender.RuleFor(t => t.Tip).Must(tip => tip is null || IsAmount(tip.Value)).WithMessage("tip is a non-negative amount with at most two decimals.");
                tender.RuleFor(t => t.Diner).MaximumLength(Order.MaxDinerLength).CleanText();
                tender.RuleFor(t => t.Tip)
                    .Must((t, tip) => Tender.IsTipAllowed(Money.FromMajor(t.Amount), Money.FromMajor(tip!.Value), options.MaxTipRatio))
                    .When(t => t.Tip is { } tip && IsAmount(tip) && IsAmount(t.Amount))
                    .WithMessage(Tender.TipRefusal(options.MaxTipRatio));
                tender.When(t => t.PaymentMethod == PaymentMethods.Card, () =>
                    tender.RuleFor(t => t.CardToken).NotEmpty().MaximumLength(Tender.MaxCardTokenLength).Matches("^[A-Za-z0-9_]+$")
                        .WithMessage("cardToken is the card's gateway token, such as pm_card_visa."));
                tender.When(t => t.PaymentMethod == PaymentMethods.Cash, () =>
                {
                    tender.RuleFor(t => t.CardToken).Null().WithMessage("A cash tender has no cardToken.");
                    tender.RuleFor(t => t.Tip).Must(tip => tip is null or 0).WithMessage("Tips go on cards; a cash tip stays with the waiter.");
                });
            });
            RuleFor(c => c.Payments).Must((c, payments) => payments.Sum(p => p.Amount) == c.Total)
                .When(c => c.Payments.Count > 0 && IsAmount(c.Total) && c.Payments.All(p => p is not null && IsAmount(p.Amount)))
                .WithMessage("The tenders' amounts must add up to the total.");
        }

        // The range first: a huge amount (1e27) would overflow before its cents could be checked.
        private static bool IsAmount(decimal amount) => amount is >= 0 and < 1_000_000_000m && decimal.Round(amount, 2) == amount;
    }

    /// <summary>
    /// Unlike other commands, a payment commits in steps: its tenders as pending before any card is charged (so a
    /// crash can never lose a charge), then each card's outcome as it arrives. Cards are charged in parallel. Several
    /// diners may pay at once: each call's write-ahead takes at most what is left once the cards still pending are
    /// held back (<see cref="Order.TakePayment"/>), under the order's lock, so together they never pay more than the bill.
    /// </summary>
    public sealed class Handler(RestaurantDbContext db, ICardGateway gateway, PaymentOptions options, TimeProvider clock, ILogger<Handler> logger, RestaurantTelemetry telemetry)
        : IRequestHandler<Command, PaymentResult>
    {
        public async Task<PaymentResult> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!command.ByStaff && command.Payments.Any(p => p.PaymentMethod == PaymentMethods.Cash))
                throw new ApiProblem(StatusCodes.Status403Forbidden, "forbidden", "Only staff take cash; pay by card from the table.");
            var tenders = command.Payments.Select(p => ToNewTender(p, command.CallerDiner)).ToList();
            var started = await db.InCommandTransactionAsync(async () =>
            {
                var order = await db.LoadOrderForChangeAsync(command.OrderId, cancellationToken);
                var created = order.TakePayment(Money.FromMajor(command.Total), tenders, clock.GetUtcNow(), options.MaxTipRatio);
                await db.SaveChangesAsync(cancellationToken);
                db.RecordPayment(order, created[0].AttemptId, created);
                return created;
            }, cancellationToken);

            // Money may move from here on: a caller who hangs up must not stop the outcomes from being recorded.
            var charges = started.Where(t => t.Status == TenderStatus.Pending).Select(tender => ChargeAsync(tender, command.OrderId));
            await foreach (var charged in Task.WhenEach(charges))
            {
                var (tender, outcome) = await charged;
                try
                {
                    await db.RecordAsync(clock, command.OrderId, tender.Id, outcome);
                }
                catch (Exception exception) when (DbErrors.IsUnavailable(exception))
                {
                    // Expected in an outage (DatabaseOutage has said so once): no stack trace per tender.
                    logger.LogWarning("Recording the outcome of tender {TenderId} failed: the database is unavailable ({Cause}); " +
                        "it stays pending until the reconciler records it", tender.Id, DbErrors.Describe(exception));
                }
                catch (Exception exception)
                {
                    // The tender stays pending, and the reconciler asks the gateway again with the same key.
                    logger.LogError(exception, "Recording the outcome of tender {TenderId} failed; it stays pending", tender.Id);
                }
            }
            try
            {
                return telemetry.TendersAnswered(await ResultAsync(command.OrderId, started[0].AttemptId));
            }
            catch (Exception exception) when (DbErrors.IsUnavailable(exception))
            {
                // The tenders were written and their cards charged: this payment is not "nothing changed".
                throw new WriteOutcomeUnknownException(exception);
            }
        }

        /// <summary>One snapshot, so that the results and the balance agree even while a reconciler records beside us.</summary>
        private async Task<PaymentResult> ResultAsync(string orderId, string attemptId)
        {
            db.ChangeTracker.Clear();
            await using var snapshot = await db.BeginSnapshotAsync(CancellationToken.None);
            return PaymentResult.From(await db.LoadOrderAsync(orderId, CancellationToken.None), attemptId);
        }

        private async Task<(Tender Tender, CardOutcome Outcome)> ChargeAsync(Tender tender, string orderId)
        {
            try
            {
                return (tender, await gateway.ChargeAsync(TenderOutcomes.ChargeFor(tender, orderId, askingAgain: false), CancellationToken.None));
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Charging tender {TenderId} failed unexpectedly; it stays pending", tender.Id);
                return (tender, CardOutcome.Unknown("The card gateway did not answer."));
            }
        }

        private static NewTender ToNewTender(TenderBody body, string? callerDiner)
        {
            var diner = Blank(body.Diner) ?? Blank(callerDiner);
            return body.PaymentMethod == PaymentMethods.Cash
                ? new NewTender(TenderMethod.Cash, Money.FromMajor(body.Amount), Money.Zero, null, diner)
                : new NewTender(TenderMethod.Card, Money.FromMajor(body.Amount), Money.FromMajor(body.Tip ?? 0), body.CardToken, diner);
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
