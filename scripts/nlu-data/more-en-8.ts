/**
 * More English training fragments, sixth batch (train + dev, never test): out-of-scope topics and forms
 * the earlier batches did not cover (life advice, philosophy, trivia, local services, government, other
 * banks and stores, school admin, games, music, conversions, time zones, home and car, jobs, assistant
 * commands, wrong-number chats, mash and one-word fragments) and complaints about service, quality,
 * couriers and delays, and compensation demands (no return or refund requests).
 */
import { lineList } from './line-list.js'
import type { MoreSpec } from './more-train.js'

export const moreEn8: MoreSpec = {
  out_of_scope: {
    lines: lineList(`
      should i move to another city for a fresh start
      how do i stop procrastinating
      how do i make friends as an adult
      i feel lonely lately, any advice
      how do i tell my boss i'm burnt out
      how can i be more confident at parties
      my flatmate never cleans up, what should i say
      how do i set boundaries with my parents
      is it normal to hate my job
      how do i deal with a toxic coworker
      how do i get over a breakup quickly
      should i text my ex
      my husband snores, how do i sleep
      how to plan a surprise proposal
      is 30 too old to start over
      how do i forgive a friend who lied
      what should i get my wife for our anniversary
      how do i know if he likes me
      best first date ideas in winter
      my sister and i keep fighting, help
      how do i tell my partner i want to move in together
      long distance relationship tips
      what is the meaning of life
      do we have free will
      is time travel possible
      what happens after we die
      is math invented or discovered
      explain the trolley problem
      what did nietzsche mean by god is dead
      what is stoicism
      if a tree falls in a forest does it make a sound
      quiz me on capital cities
      give me a trivia question
      what's the capital of australia
      how many bones are in the human body
      which planet has the most moons
      who painted the mona lisa
      what's the tallest mountain in africa
      how many legs does a spider have
      what's the longest river in europe
      who invented the telephone
      what year did the titanic sink
      what's the chemical symbol for gold
      how many countries are in the world
      pub quiz questions about the 90s
      what's the fastest land animal
      can you find me a plumber
      my sink is blocked, who do i call
      call me a taxi
      how much is a cab to the airport
      find a dentist near me that's open saturday
      i need an emergency electrician
      how much does a locksmith charge
      who can fix my boiler
      book me a haircut for tomorrow
      any good dry cleaners around here
      need a babysitter tonight
      how do i book a doctor's appointment
      recommend a good mechanic
      where's the nearest pharmacy
      cheap removal company for a one bed flat
      how do i get a visa for canada
      how long does a schengen visa take
      what's the tax free allowance this year
      how do i register to vote
      how do i apply for child benefit
      where do i pay my council tax
      how do i change my name by deed poll
      how do i report a pothole
      what documents do i need for a work permit
      how do i appeal a parking fine
      when is the self assessment deadline
      how do i claim unemployment benefits
      how do i get a national insurance number
      how do i renew my green card
      what's the vat rate in germany
      how do i open an account at barclays
      why did my bank decline my card at the supermarket
      what's the interest rate on a hsbc savings account
      how do i dispute a charge with my credit card company
      my paypal account got limited
      how do i transfer money abroad with wise
      what's a good credit score
      how do i get a mortgage with bad credit
      does my car insurance cover a rental car
      how do i claim on my home insurance
      cheapest travel insurance for a month in asia
      how do i cancel my life insurance policy
      my health insurance rejected my claim
      how do i increase my revolut limit
      is my chase account frozen
      when will my tax refund arrive from the irs
      how do i enrol for next semester
      when does the university term start
      how do i apply for student finance
      how do i change my major
      what's the deadline for ucas applications
      how do i get my transcript from college
      how do i defer my university place
      can i retake an exam i failed
      how do i appeal a grade
      what gpa do i need for harvard
      how do i write a dissertation
      when are the gcse results out
      which school catchment area am i in
      how do i beat the last boss in elden ring
      best build for a mage in skyrim
      is the new zelda worth it
      how do i get more vbucks
      what's the best minecraft seed
      how do i unlock all characters in smash bros
      when is gta 6 coming out
      tips for playing chess better
      how do i get better at valorant aim
      what does gg mean
      is xbox game pass worth it
      how do i join a discord server
      what are the lyrics to wonderwall
      who sings that song that goes la la la
      what's the name of the song in the new apple ad
      recommend some chill study music
      how do i learn guitar chords
      what key is let it be in
      best albums of all time
      who won the eurovision song contest
      when is the next coldplay tour
      make me a spotify playlist for running
      translate good morning into italian
      how do you say where is the toilet in spanish
      what does schadenfreude mean
      translate this letter into german for me
      what's the korean word for love
      what does ciao mean
      how do you pronounce worcestershire
      how many ounces in a pound
      convert 5 miles to km
      what's 180 fahrenheit in celsius
      how many cups is 250 ml
      how many feet in a metre
      convert 100 dollars to euros
      how many tablespoons in a cup
      what's 70 kg in stone
      how many litres in a gallon
      what's the time in tokyo right now
      what time is it in new york
      is sydney ahead of london
      when do the clocks go back
      what's the time difference between la and berlin
      what timezone is india in
      what's the score in the arsenal game
      who won the super bowl this year
      did england win the cricket
      when does the premier league season start
      who's top of la liga
      how many grand slams has federer won
      what time does the f1 race start
      who won the boxing match last night
      nba playoff schedule
      is it going to snow this weekend
      do i need an umbrella today
      what's the forecast for paris on friday
      how windy is it outside
      what's the uv index today
      will it be sunny for the bbq on sunday
      what's in the news today
      any breaking news
      what happened in the election
      tell me the headlines
      what's going on in ukraine
      latest news on interest rates
      does ikea deliver on sundays
      what time does tesco close
      does zara have a sale on
      how do i return something to h&m
      is the apple store open on bank holidays
      how do i track my asos parcel
      does walmart price match
      what's costco's membership fee
      my argos order hasn't arrived
      does primark sell online
      how do i use my target gift card
      when is the next nike sale
      does lidl sell wine
      how do i contact sephora customer service
      my shein order is late
      how long do i boil an egg
      what can i make with chicken and rice
      how do i make sourdough starter
      how long do i roast a turkey
      what's a good substitute for eggs in baking
      how do i make pancakes fluffy
      is it safe to eat raw cookie dough
      what wine goes with salmon
      how do i stop my rice sticking
      easy vegetarian curry recipe
      how do i potty train my puppy
      why is my cat sneezing
      what can rabbits eat
      how often should i feed my goldfish
      how do i stop my dog barking at night
      best food for an older cat
      how do i introduce two cats
      my hamster isn't moving much
      when should i plant tomatoes
      how do i get rid of slugs in the garden
      why are my basil leaves turning yellow
      how often should i water succulents
      how do i grow potatoes in a bag
      when do i prune roses
      how do i make compost
      my lawn has brown patches
      what does the engine warning light mean
      how often should i change my car oil
      my car won't start in the cold
      how do i jump start a car
      how much is an mot
      should i buy an electric car
      how do i check my tyre pressure
      what's a good first car
      how do i sell my car
      is it a good time to buy a house
      how much deposit do i need for a flat
      how do i find a good estate agent
      what does freehold mean
      can my landlord raise the rent
      how do i get my deposit back from my landlord
      is renting better than buying
      how much is stamp duty
      help me write my resume
      how do i answer what's your biggest weakness
      how much should i ask for in salary
      how do i quit my job politely
      are you hiring
      do you have any job openings
      how do i get into software engineering
      how do i ask for a promotion
      what should i wear to a job interview
      how do i write a linkedin summary
      how do i reverse a string in java
      what's the difference between git merge and rebase
      why is my react app rendering twice
      how do i centre a div
      explain recursion
      sql query to find duplicates
      how do i install python on windows
      what is docker
      fix this null pointer exception
      how do i use async await
      regex for an email address
      what's the best programming language to learn
      qwertyuiop
      zxcvbnm
      lkjhgfdsa
      jjjjjjjjj
      aaaaaaaaaaaa
      hjkl hjkl
      sdfsdf
      blah blah blah
      lorem ipsum dolor sit amet
      asdf asdf asdf
      ghjkl
      xyzzy
      testing 1 2 3
      just testing
      test test
      this is a test message
      ignore this
      wrong chat sorry
      sorry wrong window
      oops
      hmm
      meh
      lmao
      banana
      purple
      potato
      idk
      whatever
      bruh
      ugh
      123456
      ok so
      wait what
      random question
      i'm bored
      entertain me
      talk to me about anything
      tell me something interesting
      tell me a fun fact
      do you believe in ghosts
      roast me
      rap for me
      tell me a story
      tell me a bedtime story for my kid
      say something funny
      what's the best movie of all time
      is the new marvel film any good
      what should i watch on netflix tonight
      who plays batman in the new film
      when does the next season of stranger things come out
      summarise this article for me
      proofread my essay
      write a speech for my best man
      write a birthday message for my mum
      write an email to my landlord
      help me write a complaint to my council
      make up a riddle
      give me a motivational quote
      what's a good caption for my instagram
      how do i get more followers on tiktok
      how do i delete my facebook account
      i forgot my gmail password
      how do i back up my iphone
      my wifi keeps dropping out
      how do i screenshot on a mac
      my printer says offline
      how do i factory reset my router
      how do i block spam calls
      my vodafone bill is too high
      how do i switch broadband provider
      is bt down right now
      how do i unlock my phone from o2
      how do i port my number to ee
      what's the cheapest sim only deal
      how do i book a covid test
      how many calories in an avocado
      is coffee bad for you
      how many steps should i walk a day
      what's a good workout for beginners
      how do i get rid of back pain
      is it ok to run every day
      how much water should i drink
      what's the best time to take vitamin d
      how do i meditate
      how do i quit smoking
      how do i get rid of hiccups
      how to cure a hangover
      what vaccines do i need for thailand
      best beaches in portugal
      how long is the flight to new york
      do i need a passport to go to ireland
      what's the best time to visit japan
      cheap weekend breaks in europe
      how do i get from heathrow to central london
      is the eiffel tower open today
      how do i rent a car in spain
      what's the tipping etiquette in america
      what currency do they use in switzerland
      recommend a good podcast
      what book should i read next
      who won the booker prize
      is harry potter suitable for a 6 year old
      how do i start a book club
      how do i knit a scarf
      how do i fold a fitted sheet
      how do i get red wine out of a carpet
      how do i remove limescale from a kettle
      best way to clean an oven
      how do i unclog a shower drain
      how do i paint a room
      how do i hang a shelf
      how do i fix a dripping tap
      how do i bleed a radiator
      how do i change a fuse
      what's the best way to organise my wardrobe
      decluttering tips
      how do i save money on groceries
      how do i make a budget
      how do i pay off my credit card debt
      should i pay off my student loan early
      how does compound interest work
      what's an isa
      is gold a good investment
      how do i buy ethereum
      what's the price of bitcoin today
      how do i start a pension
      how do i write a will
      what is a power of attorney
      can i sue my neighbour
      how do i get a divorce
      how do i report a scam
      someone hacked my instagram
      how do i call the police non emergency
      how do i adopt a child
      how do i become a foster parent
      how do i donate blood
      where can i volunteer this weekend
      how do i recycle batteries
      when is bin day
      what day is easter this year
      when is ramadan
      what's the date of chinese new year
      how many days until christmas
      is it a bank holiday on monday
      what's the population of china
      how big is the universe
      why is the sky blue
      how do planes stay in the air
      what is a black hole
      how does the stock exchange work
      what is inflation
      explain brexit in simple words
      who is the prime minister
      who is the richest person in the world
      how old is the king
      what is the largest ocean
      how do magnets work
      why do we yawn
      can dogs see colour
      do fish sleep
      how long do elephants live
      what's the smallest country
      how deep is the ocean
      who discovered penicillin
      what is dna
      solve 3x plus 5 equals 20
      what's the square root of 144
      what is 15 percent of 80
      is 97 a prime number
      help me with my chemistry homework
      explain photosynthesis
      what caused world war one
      write my history essay on the romans
      what's a metaphor
      conjugate the verb etre
      what's the plural of cactus
      is it affect or effect
      how do i cite a website in apa
      my uber eats order is wrong
      deliveroo charged me twice
      just eat missing item
      my doordash driver ate my food
      how do i contact royal mail about a letter
      my dhl parcel from another shop is stuck in customs
      how do i send a parcel to france with the post office
      how much is a first class stamp
      what time does the post office close
      my amazon prime delivery is late
      how do i cancel disney plus
      spotify premium isn't working
      how do i get a refund from the app store
      my airline lost my suitcase
      ryanair cancelled my flight
      how do i claim compensation from easyjet
      my train was delayed, how do i get money back from the rail company
      booking.com refund for my hotel
      airbnb host cancelled on me
      my gym won't let me cancel my membership
      how do i complain to my energy supplier
      british gas overcharged me
      my water bill is wrong
      my phone contract provider overcharged me
      how do i complain to the ombudsman
      i want to sue a builder who did a bad job
      my hairdresser ruined my hair
      the restaurant last night gave me food poisoning
      my landlord won't fix the heating
      my neighbour's dog barks all night
      can you order me a pizza
      order me a takeaway
      book a table for two at 8
      reserve a tennis court
      set an alarm for 7am
      remind me to call mum
      add milk to my shopping list
      turn on the lights
      play some music
      call my dad
      text john i'm running late
      what's on my calendar tomorrow
      navigate to the nearest petrol station
      how far is it to manchester
      what's the traffic like on the m25
      when's the next bus to town
      is the tube running today
      how much is a train ticket to edinburgh
      can you help me pick a paint colour for my bedroom
      how do i tie a tie
      how do i iron a shirt
      how do i get rid of dandruff
      what haircut suits a round face
      how do i grow a beard
      best skincare routine for oily skin
      how do i remove gel nail polish
      how do i whiten my teeth
      how do i look after a tattoo
      how do i become a pilot
      how do i become a nurse
      how long does it take to become a doctor
      is it hard to learn coding at 40
      how do i write a business plan
      how do i register a company
      what's the minimum wage
      how much holiday am i entitled to
      can my employer make me work on sundays
      how do i calculate my take home pay
      how do i get a mortgage in principle
      what's the difference between a crocodile and an alligator
      rock paper scissors
      let's play a game
      play 20 questions with me
      guess what number i'm thinking of
      flip a coin
      roll a dice
      pick a random number between 1 and 10
      would you rather fly or be invisible
      what's heavier a kilo of feathers or a kilo of steel
      why did the chicken cross the road
      what came first the chicken or the egg
      what's your opinion on pineapple on pizza
      cats or dogs
      tea or coffee
      beach or mountains
      is a hot dog a sandwich
      do aliens exist
      is the earth flat
      will robots take over the world
      will ai replace my job
      what's your ip address
      alexa play music
      i need help with something unrelated
      not about an order, just curious
      this isn't about shopping but
      quick off topic question
      can i ask you something personal
      my friend said you can answer anything
      is this the council helpline
      is this the bank
      is this the dentist
      is this the pizza place
      is this the vet
      is this the doctor's surgery
      is this the train company
      is this the tax office
      is this the school office
      i was trying to reach my electricity company
      i'm looking for the police station number
      what's the number for nhs 111
      how do i contact the embassy
      how do i contact my local mp
      my car was towed, who do i call
      i locked myself out of my house
      there's a leak in my ceiling
      my toilet won't flush
      my neighbour's samsung phone is broken
      my brother's hp laptop won't turn on
      my lg tv remote stopped working
      my dyson vacuum lost suction
      my bosch dishwasher shows an error code
      my kindle is frozen
      my fitbit won't sync
      my ring doorbell is offline
      my sky box isn't working
      where can i get my watch battery replaced
      how do i sharpen kitchen knives
      does vinegar kill mould
      is it better to shower in the morning or evening
      how many hours of sleep do i need
      why do i keep waking up at 3am
      how do i stop snoring
      how do i get rid of a spot overnight
      how do i treat a burn
      is it a cold or the flu
      should i see a doctor about chest pain
      how do i get a sick note
      how do i find an nhs dentist
      how much is a filling at the dentist
      do i need a root canal
      my tooth hurts when i drink cold water
      i need a vet appointment for my cat
      how much does it cost to neuter a dog
      where can i adopt a rescue dog
      what breed of dog is best for a flat
      how long can i leave my dog alone
      is chocolate poisonous to dogs
      my parrot keeps plucking its feathers
      how do i clean a fish tank
      what do tortoises eat
      how do i keep foxes out of my garden
      how do i attract birds to my garden
      what vegetables grow in shade
      can i grow lemons indoors
      how do i repot an orchid
      why is my monstera drooping
      how do i kill weeds without chemicals
      best time to cut the grass
      how do i build a raised bed
      how do i look after a bonsai
      how do i change a car tyre
      what does abs mean on a car
      how do i top up coolant
      why is my car making a squeaking noise
      how much does a new clutch cost
      what's the speed limit on a motorway
      how many points until i lose my licence
      how do i tax my car
      how do i transfer car ownership
      is diesel or petrol better
      how do i find my car's vin
      what's the best family suv
      how do i get a parking permit
      can i park on a double yellow line
      how do i report an accident to my insurer
      what's the best area to live in london
      how do i make an offer on a house
      what's a survey when buying a house
      how do i remortgage
      how long does conveyancing take
      what is a leasehold flat
      how do i rent out my spare room
      can i paint my rented flat
      how do i evict a tenant
      what's the average rent in bristol
      how much is council tax band d
      what should i put in my cover letter
      how long should a cv be
      how do i explain a gap in my cv
      how do i prepare for a panel interview
      what questions should i ask at the end of an interview
      how do i negotiate a job offer
      should i accept a counter offer
      how do i write a reference for a colleague
      how do i handle a difficult manager
      how do i ask for a pay rise
      what's a good side hustle
      how do i become a freelancer
      how do i set up a limited company
      how do i find a mentor
      what's the best way to learn excel
      how do i make a pivot table
      how do i merge cells in google sheets
      how do i make a powerpoint look good
      how do i convert a word doc to pdf
      how do i compress a video
      how do i make a website
      what's html
      how do i host a website for free
      what does api stand for
      how do i fix error 404 on my blog
      how do i learn machine learning
      what's the difference between ram and storage
      how do i build a pc
      is linux better than windows
      how do i update my bios
      my computer has a virus
      how do i recover deleted files
      how do i make my password stronger
      what's two factor authentication
      is it safe to use public wifi
      how do i use a vpn
      how do i get my council to collect a sofa
      how much is a tv licence
      how do i apply for a blue badge
      how do i get a dbs check
      how do i sponsor my wife's visa
      can i work on a student visa
      how do i become a citizen
      what's the capital gains tax rate
      do i pay tax on my savings interest
      how do i get a p60 from my employer
      how do i check my state pension age
      my universal credit payment is late
      how do i apply for a council house
      who do i call about a broken street light
      how do i complain about noisy neighbours to the council
      how do i book a driving test
      how do i switch my bank account to monzo
      my natwest app won't log in
      how do i close my lloyds account
      why is santander charging me a fee
      how do i get a loan from my bank
      is my money safe in a building society
      my pet insurance won't pay for the vet bill
      how do i cancel my aviva policy
      how do i make a claim on my phone insurance with my network
      what does excess mean on insurance
      how do i join the school pta
      how do i apply for a school place for my daughter
      when is half term
      how do i complain to my kid's school
      can i take my child on holiday in term time
      how do i get a student discount card
      how do i pay my tuition fees
      how do i find my student number
      my university portal is down
      how do i book a room in the library
      what's the best strategy in monopoly
      how do i solve a rubik's cube
      what's the hardest wordle word
      today's wordle answer
      how do i get better at sudoku
      best board games for families
      how do i play poker
      what are the rules of cricket
      how does offside work in football
      who's the best footballer ever
      how many players on a rugby team
      how long is a marathon
      how do i start running
      write me a song about my cat
      what does this song mean
      who wrote yesterday by the beatles
      what's the most streamed song ever
      how do i read sheet music
      what's a good piano for a beginner
      translate merci beaucoup
      what is hello in arabic
      how do you say happy birthday in french
      what language do they speak in brazil
      convert 30 cm to inches
      how many grams in an ounce
      how many days in a leap year
      what's 2 pm gmt in eastern time
      what time is sunset today
      when is the next full moon
      how many weeks until summer
      how do i make a cheese sauce
      can you freeze cooked rice
      what temperature should chicken be cooked to
      how do i sharpen my cooking skills
      how do i make cold brew coffee
      how do i make my own pasta
      best cocktail for a party
      what's a good vegan dessert
      how do i stop my cat scratching the sofa
      how do i trim my dog's nails
      can guinea pigs live outside
      why does my dog eat grass
    `),
    templates: [],
  },
  complaint: {
    lines: lineList(`
      i've been waiting two weeks and nobody has bothered to update me
      your courier left my parcel in the rain and it was soaked
      the driver didn't even knock, just left a card
      delivery was marked as delivered but nobody came, and your staff don't care
      honestly the worst delivery experience i've had
      the parcel was thrown on my doorstep, really careless
      your driver was rude to my elderly mother
      the courier blocked my driveway and shouted at me
      i took a day off work for a delivery that never came
      you promised next day delivery, it took six days
      the delay meant the gift missed my son's birthday
      this is the third delivery date you've missed
      i paid for express shipping and got it slower than standard
      i want compensation for the express fee i paid for nothing
      i expect a goodwill gesture after this mess
      what are you going to do to make this right
      i think i deserve some compensation for the hassle
      at least give me a voucher for all this trouble
      you should waive the shipping fee after this delay
      the quality is nowhere near what i paid for
      the stitching on the jacket is sloppy, very poor quality
      feels cheap and flimsy, really disappointed
      the colour looks nothing like the photos, misleading
      the product photos are heavily edited, that's dishonest
      i'm unhappy with the quality, this isn't acceptable for the price
      for this price i expected far better
      the packaging was a disgrace, just a thin plastic bag
      i waited 40 minutes on your chat and got cut off
      your agent hung up on me
      the last agent was sarcastic and unhelpful
      nobody answers the phone, ever
      i've emailed four times with no reply
      you keep sending me copy paste answers
      your bot keeps going round in circles, this is infuriating
      i keep getting passed from one person to another
      every time i contact you i get a different story
      your staff promised a callback and never called
      you said it would be sorted in 24 hours, it's been a week
      i'm sick of chasing you
      this is getting ridiculous
      absolutely fuming right now
      this is beyond a joke
      i'm so angry about how i've been treated
      i'm really not impressed with your service
      very poor customer care
      your service has gone downhill
      i used to love this shop but not anymore
      i'll be telling all my friends to avoid you
      i'm posting this on trustpilot
      i'm going to leave a bad review everywhere
      i'm raising a formal complaint
      how do i make a formal complaint
      please escalate my complaint
      i want this logged as a complaint
      who handles complaints here
      what's your complaints email
      i'm going to report you to consumer protection
      i'll take this to the small claims court
      i'm contacting my bank to dispute this because of your awful service
      i've had enough of your excuses
      stop making excuses and fix it
      your apology means nothing
      sorry isn't good enough
      an apology is not enough, i want compensation
      how much compensation do i get for a late order
      is there compensation when you miss the delivery date
      do i get anything for the delay
      will you compensate me for the missed delivery
      i want something for the time i've wasted
      the courier left my parcel with a neighbour i don't even know
      my parcel was left in the bin, seriously
      the delivery guy faked my signature
      your driver lied and said i wasn't home
      the tracking has said out for delivery for four days, terrible service
      your courier partner is useless
      why do you use such a terrible courier
      the courier damaged my fence reversing
      the delivery man was smoking at my door
      i'm disgusted with the way your courier behaved
      delivery person was aggressive
      the courier refused to carry it upstairs even though i paid for it
      the order was late and half of it was missing, what a shambles
      you sent the wrong colour twice now, i'm losing patience
      sent me the wrong item again, do you even check orders
      how hard is it to get an order right
      your warehouse is a mess
      this is the worst shopping experience of my life
      i regret ordering from you
      i'm extremely dissatisfied
      very dissatisfied customer here
      really let down
      thoroughly disappointed with the whole experience
      not happy at all
      unhappy customer
      shocking service
      appalling
      pathetic service
      terrible, just terrible
      disgraceful
      unbelievable how bad this is
      rubbish service
      awful experience
      poor show
      what a shambles
      you should be ashamed
      this company is a joke
      zero stars if i could
      one star, never again
      never ordering again
      lost a customer today
      i'm done with this shop
      your quality control is non existent
      the earbuds sound tinny, very poor for the money
      the phone case is so cheap it looks fake
      it smells of chemicals, awful quality
      the fabric pilled after one wear, disappointing
      your product is nowhere near the quality advertised
      the description said waterproof and it clearly isn't, false advertising
      your sale prices are fake
      you raised the price then called it a discount, dishonest
      the staff member who helped me was really condescending
      your agent was patronising
      the person on chat was really rude to me
      i was treated terribly by your live chat
      i was called a liar by your staff
      your agent ended the chat without solving anything
      nobody took responsibility
      no one is taking ownership of my problem
      i've been ignored for days
      you ignored my message completely
      why hasn't anyone replied to me
      three days and still no response, shameful
      your response time is awful
      you're so slow to respond
      it took you a week to answer a simple question
      you closed my ticket without fixing anything
      you marked my case as resolved but it isn't
      stop closing my tickets
      i've explained this five times
      i'm tired of repeating myself
      i want to complain about the agent i spoke to yesterday
      i want to complain about your delivery service
      i want to complain about the quality of my order
      i want to complain about the delay
      i'd like to make a complaint please
      i have a complaint about my last order
      complaint about late delivery
      complaint about the courier
      complaint about staff attitude
      complaint about product quality
      feedback: your service was really poor
      i'm writing to express my dissatisfaction
      i wish to register my dissatisfaction
      this has been handled very badly
      the way you've dealt with this is unacceptable
      i expected much better from you
      you've really let me down this time
      this isn't the level of service i was promised
      you broke your promise
      you lied about the delivery date
      you lied to me about stock
      i was told it was in stock and now it's delayed a month, not good enough
      you took my money and i've got nothing
      it's been a month and i still have nothing, this is theft
      you're quick to take money but slow to deliver
      i'm really frustrated with the constant delays
      delay after delay after delay
      why is everything always late with you
      late again
      late as usual
      still waiting, terrible
      another delay, seriously?
      the delivery window was 8 to 8, wasted my whole day
      i waited in all day and the courier never showed up
      the driver said he couldn't find my house, rubbish excuse
      the courier delivered to the wrong address and you don't care
      the driver left it at the wrong house, so careless
      my order came in a filthy box, embarrassing as it was a present
      your website kept crashing and i lost my basket, terrible
      your checkout is a nightmare
      your app is so buggy it's infuriating
      you sent me spam emails every day, stop it
      i unsubscribed and you keep emailing me
      you shared my details without permission, i'm complaining
      i'm very unhappy with how my data was handled
      compensation please
      i want compensation
      i want to be compensated
      compensation for the delay please
      give me compensation for the broken promise
      i'm asking for compensation for the damaged packaging
      can i get a goodwill credit for all this
      how about some points for the trouble
      what are you offering for this inconvenience
      i expect at least free shipping next time
      this deserves more than a sorry
      you owe me for this
      i'm owed compensation for the late order
      the courier was two hours late and didn't even apologise
      your delivery partner keeps rescheduling without asking me
      i'm fed up with your courier never turning up
      the driver threw the parcel over my gate, not acceptable
      the courier left it outside in full view of the street
      nobody from your team has bothered to apologise
      your service used to be good, now it's awful
      the quality has really dropped compared to last year
      i'm disappointed with the quality of the earbuds case, cheap plastic
      the jacket looks nothing like the model photos, very misleading
      i feel completely ripped off
      i feel cheated by this shop
      i want someone to take my complaint seriously
      why is nobody dealing with my complaint
      my complaint from last week has been ignored
      i'd like an update on my complaint
      this is my second complaint and still nothing
      what compensation do you offer for late deliveries
      the delay cost me money, i expect you to cover it
      i had to buy a replacement elsewhere because you were so late, i want compensating
      your customer service team is incompetent
      i'm appalled by the lack of communication
    `),
    templates: [],
  },
}
