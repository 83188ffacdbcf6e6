package answergen

// The phrases answers are built from, written for this generator. Each is a
// sentence of about twenty words; {placeholders} are filled per answer.

var names = []string{"Mrs Okafor", "Mr Lindqvist", "Priya", "a retired teacher", "Tomasz", "a small-business owner", "Mr Adeyemi", "Ms Fournier"}
var channels = []string{"phone", "live chat", "email", "help centre form", "social media", "returns desk"}
var products = []string{"a broadband router", "a winter coat", "a replacement phone", "a monthly meal box", "a sofa delivery", "a car insurance renewal", "a pair of running shoes"}
var tools = []string{"Zendesk", "Salesforce", "our CRM", "the order tracking system", "Freshdesk", "the billing console", "a shared spreadsheet"}
var metrics = []string{"CSAT", "first contact resolution", "average handle time", "NPS", "SLA compliance", "survey score"}
var whens = []string{"Last December", "During my second month", "Two summers ago", "In the run-up to Black Friday", "On a Monday morning last spring", "Early last year"}
var places = []string{"a broadband provider", "an online clothing shop", "a regional bank", "a furniture retailer", "a travel agency", "a mobile network"}

var situations = []string{
	"{when} I was working on the {channel} team at {place}, handling around {n} contacts a shift.",
	"A customer, {name}, contacted us about {product} that had arrived damaged for the second time in a week.",
	"Our queue had grown to {n} waiting customers because a system update had broken the order status page.",
	"{name} had already been in touch four times, and each time the case was closed without anything changing.",
	"I was the only agent on the late shift at {place} when a billing error charged dozens of customers twice.",
	"The customer was upset because {product} had been promised for Friday and still showed as not dispatched.",
	"It was peak season, so wait times on {channel} had risen well past our usual target of two minutes.",
	"I had been in the role for about three months and was still learning {tool} when this happened.",
}

var tasks = []string{
	"It was my job to find out what had gone wrong and put it right before the customer gave up on us.",
	"I was responsible for the case from that point, so I needed to own it until it was resolved.",
	"My task was to calm the customer down and agree a fix we could actually deliver that week.",
	"I needed to clear the backlog without letting the quality of our replies drop below the {metric} target.",
	"As the agent who took the call, I had to decide whether this qualified for an exception to the refund policy.",
}

var actions = []string{
	"First I let {name} explain everything without interrupting, and I repeated the main points back so they knew I had listened.",
	"I apologised for the trouble and said clearly what I could do today and what would take longer.",
	"I checked the history in {tool} and found two earlier tickets that had never been escalated to the warehouse.",
	"Then I called the courier myself, confirmed the parcel's location, and booked a delivery slot for the next morning.",
	"I asked my team leader to approve a partial refund, and explained why the usual rule did not fit this case.",
	"I wrote up the steps I had taken in the ticket so that anyone picking it up would not start again.",
	"I set a reminder and called the customer back the following afternoon to check that the fix had held.",
	"I sorted the waiting emails by topic and answered the {n} refund questions first with a reply I checked carefully.",
	"I offered to switch the conversation to {channel}, because the customer said it was easier for them.",
	"I walked the customer through resetting {product} step by step, and stayed on the line until it worked.",
	"I flagged the pattern to our product team with three example tickets, so the root cause could be fixed.",
	"I kept my tone calm and used the customer's name, even when they raised their voice at me.",
}

var results = []string{
	"As a result the issue was fixed within 24 hours, and {name} rated the conversation five out of five.",
	"Our {metric} for that week went up by {pct} percent compared with the week before.",
	"The customer withdrew the complaint and later ordered {product} from us again.",
	"The backlog was cleared by Friday, and no customer waited longer than a day for a reply.",
	"I learned to read the whole case history before trying the standard fix again.",
	"My team leader shared the approach with the team, and we now escalate repeat contacts after the second one.",
	"Since then I always confirm the next step and the time I will call back before ending a call.",
}

var wouldLines = []string{
	"I would listen carefully to the customer and try to understand what they needed.",
	"I would apologise and tell them that I was going to do my best to help.",
	"I think I would probably check the system to see what had happened with the order.",
	"If it was needed I would ask a manager for advice, because they might know the policy better.",
	"I would try to stay calm and not take anything personally, which is important in this job.",
	"Ideally I would follow up later to make sure everything was fine for them.",
	"I would also make a note so that other agents knew about the situation.",
	"I guess I would offer some kind of discount if that seemed fair to everyone involved.",
	"I would explain the next steps clearly so that the customer was not confused.",
}

var weLines = []string{
	"We looked into it as a team and tried a few different things to sort it out.",
	"We talked to the customer a couple of times and told them we were working on it.",
	"Basically we escalated it and the other department took care of most of the problem.",
	"We kind of changed the way we handled those tickets after that, more or less.",
	"We were all really busy, so we just did what we could with the time we had.",
	"We checked the system and we found something that was not quite right with the account.",
	"Then we got back to them and we explained what had happened as well as we could.",
	"We made sure to keep everyone in the loop, which was important for the whole team.",
	"Honestly we did our best and we stayed positive even though it was a long week.",
}

var vagueResults = []string{
	"In the end it was fine and the customer was happy enough with how things went.",
	"Things got better after that and everyone seemed pleased with the outcome.",
	"It all worked out eventually, more or less the way we hoped it would.",
}

var asides = []string{
	"To be honest the office was freezing that winter, and half the team had colds, which did not help.",
	"Our manager at the time was quite new, and there were a lot of changes going on with the rota.",
	"I remember it well because it was the same week I moved house, so everything felt busy.",
	"The software we used was pretty old and everyone complained about how slow it was to load.",
}

var motivationLines = []string{
	"I enjoy helping people, and customer service is where I have felt most useful at work.",
	"I have spent three years on {channel} support, so I know how much a good reply changes someone's day.",
	"Your company stands out to me because of how openly you publish your {metric} figures.",
	"I like that the role mixes problem-solving with talking to people, which suits how I work best.",
	"A friend who works on your support team told me how much training new agents get, and that matters to me.",
	"My biggest strength is staying calm under pressure; last year I handled the busiest queue on my team.",
	"One weakness I am working on is saying no to customers clearly, and I now practise it with a script.",
	"In five years I would like to be leading a small team and coaching new agents.",
	"I use {tool} every day in my current job, so I could be productive here quickly.",
	"I am motivated by clear targets, and I track my own {metric} every week.",
	"I want to work for a company whose products I would recommend to my own family.",
}
