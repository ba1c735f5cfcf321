/**
 * More English training fragments, fourth batch (train + dev, never test): boundary pairs of
 * docs/nlu-data.md, longer colloquial phrasings, and the vocabulary the third batch left out.
 */
import { lineList } from './line-list.js'
import type { MoreSpec } from './more-train.js'

export const moreEn6: MoreSpec = {
  greeting: {
    lines: lineList(`
      hi, quick question coming up
      hello there, hope you're well
      hey, good to see a reply
      morning! hope the shift is going ok
      hey team
      hi guys
      yo, anyone on?
      knock knock, anybody in?
      hello, can you see my messages
      testing whether the chat works, hello
      thanks so much for the help today
      thank you, that sorted it
      thanks, that answers it
      brilliant, ta
      ta very much
      nice one
      lovely, thank you
      great help, thanks
      super helpful
      you've been great
      ok thank you bye
      that's it from me
      no that's all, bye
      bye for now
      talk later
      catch you later
      see you next time
      have a nice evening
      enjoy your weekend
      happy holidays!
      merry christmas to the team
      happy new year
      are you chatgpt
      are you a robot or what
      am i chatting with software
      what should i call you
      where are you based
      do you like your job
      how's work today
      busy day?
      sorry for all the questions
      sorry to bother you
      oops, my bad
      never mind, found it
      ah ok
      oh i see
      right
      righto
      sure
      sure thing
      yes that's correct
      yes, the first one
      no, the other one is fine
      nope, that's all
      no worries
      np
      all sorted
      i'll wait
      ok i'll check
      one sec
      brb
      hold on
      you there?
      hello anyone??
      hi, new customer here
      thanks, got it now
      ok thanks mate
      ok cool thanks
      right, i'll order then
      ok i'll buy it
      tysm!!
      ty so much
      gotcha thanks
      yep correct
      that's correct
      speak soon
      chat soon
      all good thanks
      are you guys the official store
      how long has the shop been open
      how are things
    `),
    templates: [],
  },
  product_inquiry: {
    lines: lineList(`
      what's the fabric composition of the linen shirt
      how many threads per inch are the sheets
      is the duvet cover percale or sateen
      what gsm is the hoodie
      is the t-shirt heavyweight or lightweight cotton
      how warm is the down jacket, what temperature is it rated to
      is the coat water repellent
      does the jacket have a hood
      are the pockets zipped
      is the jumper itchy
      merino or regular wool?
      does the dress have pockets
      what's the rise on these jeans
      are the jeans raw denim
      is the lining polyester
      is the leather vegan
      are the trainers good for running on roads
      what's the heel to toe drop
      how much cushioning do the running shoes have
      are the boots waterproof or just resistant
      do the boots have a zip
      is the sole stitched or glued
      how long does the foundation last on skin
      what finish is the foundation, matte or dewy
      does the serum contain retinol
      niacinamide percentage?
      is the sunscreen mineral or chemical
      does it leave a white cast
      can men use it
      how much product is in the tube
      when was this batch made
      how long is the lipstick good for after opening
      does the shampoo have sulphates
      what does PAO 12M mean
      how big is the battery on the X2 Pro
      does the X2 Pro have eSIM
      does it support wifi 7
      how much storage is actually usable
      is the back glass or plastic
      what's the camera resolution
      does it shoot 4k
      optical zoom?
      is there a stylus
      can I use the phone with my existing sim
      is the phone unlocked
      will it work on my carrier
      how long do you get software updates
      how many hours of playtime do the earbuds get
      with the case, how long
      can I use them for swimming
      sweatproof for gym?
      do they have ear hooks
      which ear tip sizes come with it
      can I adjust the eq
      is there an app for the earbuds
      do they support spatial audio
      what's the screen size of the laptop in inches
      matte or glossy screen
      how much does the charger weigh
      does the laptop charge over usb-c
      can it drive an external 4k monitor
      how much ram can it take max
      does it have a webcam shutter
      windows or linux preinstalled
      which keyboard layout
      how many hours of battery when browsing
      is the watch case steel or aluminium
      does the watch work without a phone
      can I pay with the watch
      does it track swimming laps
      how accurate is the gps
      does it have a compass
      how many days between charges on the watch
      what's the wattage of the kettle
      how fast does it boil
      is the kettle stainless inside
      does the air fryer have a window
      basket size of the air fryer
      how many people does the rice cooker serve
      does the rice cooker have a keep warm function
      can it make porridge
      is the pan cast iron
      does the wok need seasoning
      can I use metal utensils on it
      what's the knife steel
      is the blender glass or plastic jug
      how noisy is the purifier on low
      what size room does the purifier cover
      filter lifespan?
      how often do I change the filter
      does the mattress topper have a cover
      how thick is the topper
      is the pillow washable
      hypoallergenic?
      what temperature should I wash the sheets at
      is the towel quick dry
      are the curtains blackout
      what's the bulb fitting
      is it dimmable
      how tall is the lamp
      does it need batteries
      what batteries does it take
      is the toy safe for toddlers
      any small parts
      is it real gold
      will the necklace tarnish
      nickel free?
      how does the strap buckle work
      is the bag big enough for a 14 inch laptop
      what's the difference between X2 and X2 Pro
      what's different about the new version
      is this the 2024 model
      is it refurbished or new
      sealed box?
      comes with receipt and warranty card?
      is the warranty international
      does the warranty cover accidental damage
      what does the warranty cover
      material
      weight
      dimensions
      specs?
      specifications
      tech specs
      colour accurate?
      true to the photos?
      fridge safe?
      can i take it on a plane
      carry on allowed?
      fan speeds?
      how many modes
      night light?
      child lock?
      voice control?
      works with alexa?
      app control?
      manual in english?
      what language is the menu
      does it fade in the wash
      will the colour run
      will it shrink in the dryer
      does it bobble over time
      does it get laggy over time
      does it get hot when gaming
      will the bottle leak in my bag
      is the flask leakproof
      does food stick to the pan
      will it rust
      do the shoes rub
      will it lose its shape
      does the down poke through
      does the foundation oxidise
      what shades does it come in
      how many shades
      which undertone is this shade
      can it power two screens
      how big a room does it handle
      coverage area?
      what age is it for
      how long is the cable
      how long is the strap
      length of the dress
      sleeve length on the medium
      is it from an authorised dealer
      are you an official retailer
      does it track swimming
      sports modes?
      does it have cycling mode
      sleep tracking accurate?
      can you customise it
      engraving available?
      can i root it
      what's the collar like
      is the hem raw
      are the buttons real horn
      is the print screen printed or embroidered
      does the hoodie have a kangaroo pocket
      is the waistband elasticated
      drawstring waist?
      are the socks cushioned
      what's the sock fibre mix
      is the cap adjustable
      is the scarf soft or scratchy
      does the bag have a crossbody strap
      how many compartments in the backpack
      is the backpack waterproof
      does the suitcase have spinner wheels
      is the umbrella windproof
      does the mascara smudge
      is the lipstick transferproof
      is the moisturiser fragrance free
      does the cleanser foam
      what's the ph of the cleanser
      is the toner alcohol based
      how many uses per bottle
      how long does a tube last
      is the perfume edp or edt
      is the phone case magsafe
      screen protector included?
      does the phone have a headphone adapter
      how many cameras
      can it record slow motion
      does it have wireless earbuds detection
      what's the charging port on the earbuds case
      do the earbuds have touch controls
      can i answer calls on the earbuds
      are the earbuds waterproof or splashproof
      does the laptop have a fingerprint reader
      how loud are the laptop speakers
      can the laptop screen fold flat
      does the watch vibrate for alarms
      can i reply to texts from the watch
      does the watch have a speaker
      what's the kettle capacity in litres
      does the toaster fit bagels
      how many slices
      does the blender crush ice
      how many speeds does the mixer have
      is the knife block included
      are the glasses dishwasher safe
      is the mug microwave safe
      how many place settings in the dinner set
      is the bedding set double or king
      does the duvet have corner ties
      are the towels cotton or bamboo
    `),
    templates: [],
  },
  price_promotion: {
    lines: lineList(`
      do you have any discount codes right now
      is there a code for first time buyers
      the code SAVE10 says expired
      my coupon won't apply at checkout
      why didn't my discount go through
      forgot to apply my code, can you add it
      the sale price isn't showing in my cart
      is the black friday price still on
      when does the sale end
      will the earbuds be cheaper next week
      it dropped 20 quid the day after i bought it
      price went down, can i get the difference back
      do you offer price protection for 30 days
      another shop sells it for less, will you match
      do you match amazon prices
      is shipping free over 50
      how much more do i need for free delivery
      delivery costs more than the item lol
      why is shipping so expensive
      is there a discount for buying three
      any deals if i buy the phone and earbuds together
      can i use two codes at once
      how do i redeem my points
      my points didn't come off the total
      how much are my points worth
      do students get anything off
      teacher discount?
      is there a key worker discount
      any corporate discount for 50 units
      what would you give me for my old laptop
      trade in my old watch?
      is the price in dollars or pounds
      does the price include tax
      why is the price different on the app
      price on the website vs in store
      price changed while it was in my basket
      it was 59 yesterday now 79?
      is this the lowest price it's been
      any gift with purchase this month
      do you do free gift wrap or is it extra
      how much is express shipping
      is next day delivery extra
      how much does it cost to ship to canada
      how much is the cashmere scarf
      how much is the 512gb version
      price for the pro model
      what's the price difference between the two
      how much is a replacement strap
      how much are spare ear tips
      cost of the extended warranty
      how much does the engraving cost
      cheapest colour?
      why is black more expensive
      pay less if i collect?
      vip tier benefits
      birthday reward?
      refer a friend bonus how much
      any offers
      cheaper?
      lowest price?
      best price?
      discount possible?
      deal?
      free postage?
      loyalty code for returning customers?
      returning customer discount
      not good value for money
      poor value
    `),
    templates: [],
  },
  stock_availability: {
    lines: lineList(`
      is it back yet
      back yet?
      any chance of a restock this month
      how long until size 9 is back
      is the green one coming back
      will you restock the limited colour
      is this item permanently gone
      can i still get the old model
      do you have it in navy
      got this in a medium?
      do you have the 14 inch version
      any of the 1tb left
      is the 256 in silver available
      only seeing size 12 greyed out, coming back?
      any left in your warehouse
      can you check if another store has it
      do you have stock in london
      is it in stock for delivery or just in store
      how many can i buy at once
      is there a limit per customer
      can i pre-order the new colour
      when does the pre-order open
      if i pre-order when do i get it
      is the preorder date confirmed
      is this made to order
      do you have 30 in stock for a team order
      can i get 200 for an event
      website says low stock, how low
      is it actually in stock or will i wait
      in stock near me?
      does the shop on high street have it
      sold out everywhere?
      waitlist?
      can you put me on the waitlist
      notify me when the XL comes in
      are more coming in the next drop
      was it a limited run
      when do you get new stock
      restock day?
      does stock update at midnight
      can you reserve the last one for me
      hold it till friday?
      out of stock in my size again
      only xs left?
      size 7 gone?
      what shades of foundation are available
      which colours can i still get
      black 42 available?
      got any?
      have you got it
      how long till it's in
      how long out of stock
      this size in?
      this colour in?
      is it back in stock yet
      any back in?
      can you send from another warehouse
      is it made to order
      custom made? how long
      size 44 available?
    `),
    templates: [],
  },
  size_advice: {
    lines: lineList(`
      i'm 5'9 and 160 lbs, medium or large?
      i'm 172 cm 65 kg, which size would you suggest
      my chest is 102 cm, what size jacket
      I wear a 32 in most jeans, what here
      i'm normally a size 8 in dresses
      between a uk 12 and 14
      do the jeans stretch or should i size up
      if i want it baggy should i go up a size
      want a snug fit, size down?
      how much room is in the toe box
      are they true to size for wide feet
      my feet are 27cm long
      i'm a 10.5 in nike, what here
      adidas 44 fits me, same here?
      which size for a 7 year old who is tall
      my son is 130cm
      baby is 9 months, which size
      does it run small in the chest
      tight around the shoulders?
      is the medium long enough for a tall guy
      i have long arms, which size
      is the coat roomy enough for layers
      will a large fit a 44 inch chest
      what are the measurements of a medium
      chest width of size L?
      length of the XL?
      whats the waist on a 30
      bra size 34c, what top size
      does the small fit a 24 inch waist
      men's 9 in women's?
      size conversion eu to uk for shoes
      what's a 40 in us sizing
      fit guide for the boots
      do the gloves run small
      watch strap fit a 19cm wrist?
      what size should i get
      will this fit me
      will it be too small
      would a small fit me
    `),
    templates: [],
  },
  recommendation: {
    lines: lineList(`
      staff favourite?
      what do most people buy
      what would you get if you were me
      can you suggest a good pair of earbuds for the gym
      need a laptop for uni, what do you suggest
      which phone has the best camera you sell
      what's a good starter skincare routine from your range
      which foundation for a fair skin tone
      what's good for a rainy commute
      what can i pair with the navy chinos
      what goes with a black down jacket
      suggest shoes for a wedding
      a gift for a coffee lover
      present for a 16 year old boy
      what would a new mum like
      housewarming gift ideas
      anything for someone who has everything
      gift under 30 pounds
      something for a runner
      something cosy for winter
      what's good for a tiny flat kitchen
      which pan set for a beginner cook
      what bedding is coolest for hot sleepers
      any accessories for the X2 Pro
      do you have a case that fits the X2
      what charger should i buy with it
      matching strap for the watch?
      is there a cheaper option that's as good
      whats a good alternative if the X2 Pro is sold out
      similar to this but in blue?
      something like this but warmer
      more like this please
      show me something similar
      the best value earbuds you have
      quietest purifier you sell
      best rice cooker for two people
      which watch is best for swimming
      which laptop for video editing
      best shoes for standing all day
      what do you recommend for dry winter skin
      i trust you, pick for me
      surprise me
      help me decide between these two
      which is best
      which is better value
      which suits me
      what would you suggest
      what's trending right now
      viral products?
      what's popular on tiktok from you
      staff picks
      i'll go with your choice
      you choose
      give me your opinion
      second opinion please
      case for my phone?
      gadgets for a student room
      something like this one
    `),
    templates: [],
  },
  order_status: {
    lines: lineList(`
      has it gone out yet
      has my order left the warehouse
      when does my order leave
      is my order being prepared
      order still says processing after 3 days
      says awaiting dispatch, what does that mean
      what does pending fulfilment mean
      my order says confirmed but nothing else
      did you receive my order
      was my order successful
      payment successful? just checking
      is my payment confirmed
      did the payment go through on my order
      can you confirm you got my order
      i didn't get an order email
      no confirmation email yet
      my account shows no orders
      i placed an order but can't see it
      why was my order cancelled automatically
      you cancelled my order?
      when will my pre-order ship
      is the pre-order on schedule
      when does the backorder ship
      is my exchange order sent out yet
      when will the replacement ship
      has the replacement been dispatched
      estimated dispatch date?
      do you ship on sundays
      if i order now does it ship today
      cutoff time for same day dispatch
      why is it taking so long to ship
      it's been 5 days and not shipped
      still hasn't shipped, what's going on
      order stuck on preparing
      are you shipping both items together
      one item shipped, what about the other
      why did only half my order ship
      has the second half shipped
      is my order complete
      status of order KF202611180001?
      can you check KF202611180002
      update on order 1045?
      what stage is my order at
      order still says not shipped
      paid 3 days ago, nothing happening
      ordered 3 days ago
      not shipped yet?
      has my stuff been sent
      is it sent
      sent yet?
      says shipped, really?
      expected dispatch?
      how long until it leaves the warehouse
      when does it leave your warehouse
    `),
    templates: [],
  },
  logistics: {
    lines: lineList(`
      eta please
      what's the eta
      eta on my parcel?
      any eta on delivery
      tracking says nothing
      the tracking link doesn't work
      tracking number isn't valid
      courier says no such parcel
      where is my parcel right now
      is it with the courier yet
      which courier has it
      is it dhl or evri
      is it royal mail or hermes
      who's the courier for my area
      can you chase the warehouse
      please chase the courier for me
      can you hurry the delivery along
      i need it by friday, can you push it
      please hurry, it's a gift
      it's urgent, can you speed it up
      lost in the post?
      is my parcel lost
      parcel seems to be lost
      the parcel is going the wrong way
      tracking shows it went back to the hub
      why is it in another city
      it's been in customs a week
      do i have to pay customs
      import duty?
      delivered to my neighbour?
      they left it outside in the rain
      the driver left it at the wrong door
      courier said nobody home but i was in
      they didn't even ring the bell
      card through the door, how to rebook
      can i pick it up from the depot
      where's the nearest pickup point
      how long does the locker hold it
      can i change the delivery time
      change the delivery date please
      can it come next week instead
      can you deliver in the evening
      saturday delivery available?
      do you deliver to islands
      do you ship to norway
      can you send it abroad
      ship to a hotel?
      ship to a po box?
      how long does standard delivery take
      how long is express
      when should it arrive if i order today
      will it arrive before christmas
      is delivery still on time
      is my delivery delayed
      expected yesterday, still nothing
      delivery window today?
      what time will the driver come
      driver's location?
      can i track the van
      parcel damaged in transit
      box arrived soaked
      box was open when it arrived
      signed for but not mine
      wrong parcel delivered to me
      received someone else's package
      only one of two boxes came
      second box still missing
      where's the rest of my order
      has the courier got it
      courier hasn't come
      driver didn't show
      said delivery today but nothing
      tracking says delivered to locker
      locker code?
      didn't get the pickup code
      courier called, missed it
      deliver another day?
      can you deliver upstairs
      book a delivery slot
      how long in transit
      still in transit
      still on the way?
      check tracking for me
      can you track it
      what's happening with my delivery
      delivery is so slow
      why is shipping so slow
      parcel hasn't moved
      dpd says tomorrow, accurate?
      why is it going in circles
      tracking shows it looping
      where's my stuff
      when's it coming
      coming today?
      how long will shipping take
      parcel went to the wrong depot
      the bowls arrived cracked
      plates came smashed in the box
      glasses broke in transit
      the mugs were shattered on arrival
      the dinner set arrived in pieces
      vase broken during delivery
      the lamp arrived dented from shipping
      crushed in the post, the teapot is broken
    `),
    templates: [],
  },
  modify_order: {
    lines: lineList(`
      size up on my order please
      switch my order to a large
      can you change it to the blue one before it ships
      i chose the wrong colour, can you swap it
      please change the storage to 512
      upgrade to the Pro on the same order
      can i swap the earbuds for the pro ones
      add a case to my existing order
      can i add something to my order before it ships
      forgot to add socks, can you add them
      can you remove one item from the order
      reduce the quantity to 1
      i want 3 not 2
      update the phone number on my order
      my number on the order is wrong
      wrong name on the parcel, please change
      put my partner's name as recipient
      send it to my office address instead
      i moved, please update the address on my order
      add apartment 4b to the address
      fix the postcode on order KF202611180001
      the street name is misspelled on my order
      can you combine my two orders into one parcel
      merge the orders so i pay one postage
      can you ship it with my other order
      switch to express for my order
      change from delivery to collection
      can i change the pickup store
      please add a gift note saying happy birthday
      can you remove the receipt from the gift
      change my order before it's packed
      is it too late to change my order
      can i still edit it
      i want to change something in my order
      make a change to my order
      amend my order
      amend delivery address
      can i change the address
      need to change my address
      change delivery details
      can i change the size
      can i change the colour
      swap to the cheaper model
      downgrade my order
      upgrade and i'll pay the difference
      switch to locker delivery
      ship it with my earlier order
    `),
    templates: [],
  },
  cancel_order: {
    lines: lineList(`
      please cancel my order before it ships
      i'd like to cancel order KF202611180003
      i don't need it anymore, cancel please
      cancel the whole thing
      cancel the earbuds but keep the phone
      remove the jacket from my order and refund it
      i ordered the wrong thing, just cancel it
      i placed two identical orders, cancel one
      my kid ordered this, please cancel
      i accidentally bought it twice
      can i cancel if it's already dispatched
      it shipped already, can you stop it
      can you intercept the parcel
      can the courier send it back before delivery
      how long do i have to cancel
      is there a cancellation window
      i cancelled but still got charged
      cancelled yesterday, when is my money back
      will cancelling refund my card
      will i lose my deposit if i cancel
      cancel my preorder please
      i no longer want the pre order
      i want out of this order
      changed my mind about the order
      cancel, found a better deal
      cancel it, you're too slow
      i'd rather cancel than wait
      can't find the cancel option
      the app won't let me cancel
      why can't i cancel my order
      cancel request sent, confirm?
      is my order cancelled now
      order cancellation status
      scrap that order please
      don't want it, cancel
      cancel the order please
      cancel my purchase
      please cancel it for me
    `),
    templates: [],
  },
  return_refund: {
    lines: lineList(`
      how do i send this back
      i want to send it back
      can i return it without the box
      the box is opened, still returnable?
      worn once, can i return
      washed it, can i still return
      how many days do i have to return
      is it too late to return
      can i return a sale item
      can i return a gift
      return without receipt?
      i'd like to exchange for a medium
      swap for a different colour please
      can i exchange instead of refund
      is the exchange free
      do i pay for the return label
      is return postage free
      can you email me a return label
      can a courier collect the return
      where do i drop off a return
      i sent it back last week, any update
      you should have my return by now
      tracking shows you got my return
      return delivered, where's my money
      refund still not showing
      it's been 10 days, no refund
      when will i see the refund on my card
      how long do refunds take to clear
      refund went to the wrong card
      i only got half the money back
      why was shipping deducted from my refund
      why is my refund less
      refund for the missing item please
      refund me, it came broken
      i want my money back, it doesn't work
      the earbuds are faulty, i want to return them
      the shoes hurt, return please
      not what i expected, return
      item not as pictured, i want to return it
      send a replacement or refund
      refund the shipping insurance
      claim on the return insurance
      where's my exchange item
      exchange not received yet
      return request declined, why
      can i return it
      returnable?
      can i send it back
      return or exchange?
      returns and exchanges
      return process
      how long does a return take
      refund please
      money back
      give me my money back
      refund to paypal?
      do i need to return the free gift
      do i send the invoice back
      tags still on, can i return
      unopened, can i return it
      where do i send it back to
      return address please
      send the receipt back with the return?
    `),
    templates: [],
  },
  after_sales_fault: {
    lines: lineList(`
      my earbuds won't connect to my phone anymore
      the left bud keeps cutting out
      the case lid broke
      only one earbud charges
      there's a buzzing noise in the right earbud
      the sound is crackly at high volume
      my phone gets really hot when i play games
      the phone restarts by itself
      apps keep crashing on the X2
      screen has a green tint
      the display flickers at low brightness
      touch stopped working in one corner
      phone won't charge past 80
      charging port is loose
      speaker sounds muffled
      the camera won't focus
      the laptop fan is constantly loud
      my laptop shuts off randomly
      laptop battery only lasts an hour
      laptop screen has a dead pixel
      the hinge is loose
      keyboard keys are sticking
      the trackpad is jumpy
      usb port stopped working
      watch won't sync with my phone
      watch screen keeps turning off
      watch doesn't count steps properly
      the strap pin fell out
      the kettle leaks from the bottom
      the kettle doesn't switch off
      air fryer won't heat
      rice cooker burns the rice
      the blender smells of burning
      the purifier makes a rattling sound
      the lamp flickers
      the toaster trips the electric
      the pan handle wobbles
      the non stick is peeling after a month
      the knife rusted
      the zip on the jacket split
      the seams are coming apart
      the jumper pilled after one wash
      the t-shirt shrank two sizes
      the jeans bled dye onto my sofa
      the colour faded after a few washes
      the sole is peeling off my trainers
      the heel cap came off
      the boots let water in
      the down jacket is losing feathers
      the foundation separated in the bottle
      the pump on the serum is stuck
      this cream gave me a rash
      the perfume smells different than before
      is this covered by warranty
      how do i claim on the warranty
      where do i send it for repair
      can you fix it or replace it
      how long does a repair take
      what's my repair status
      it's still faulty after the repair
      the earbuds i bought from you broke
      the watch i bought here stopped working
      my rice cooker from you is broken
      the pan i bought has a problem
      the laptop i got last month is faulty
      broke after a week
      stopped working after two uses
      it just died on me
      something's wrong with it
      it's faulty
      defective
      defective item
      it's malfunctioning
      glitching
      buggy
      laggy
      screen cracked, can you repair
      no sound, can i get a replacement under warranty
      one earbud dead, can you send a new one
      watch won't charge, warranty replacement?
      kettle leaking, can i get a new one
      sole came off, can i get a replacement pair
      zip broke, can you replace it
      replace or repair?
      faulty within 30 days, replacement?
      warranty replacement process
      restarts randomly
      reboots on its own
      calls won't go through
      can't make or receive calls
      battery is bulging
      battery puffed up
      photos have black spots
      dust inside the lens
      battery percentage is wrong
      only charges to 90
      battery health dropping fast
      tried restarting, still broken
      factory reset didn't help
      new charger, still won't charge
      am i using it wrong or is it faulty
      quality problem, what do you do about it
      left speaker crackles on the laptop
      the charging cable frays
      the plug gets warm
      screen went purple
      the phone vibrates on its own
      the earbuds hurt my ears now, one has a crack
      kettle limescale won't come off and it smells burnt
      the blender leaks at the base
      lid seal is broken
    `),
    templates: [],
  },
  invoice_payment: {
    lines: lineList(`
      can i get a vat invoice with my company details
      please put my business name on the invoice
      i need the invoice for my expenses
      the invoice is missing the vat number
      invoice shows the wrong address
      can you resend the invoice
      where can i download a receipt
      do you send receipts by email
      can i get a paper receipt in the box
      i need a commercial invoice for customs
      my card keeps getting declined
      checkout keeps failing
      it won't accept my card
      paypal payment failed
      apple pay isn't working
      klarna declined me
      can i split into 3 payments
      do you do buy now pay later
      are installments interest free
      can i pay by bank transfer
      can i pay cash on collection
      do you accept american express
      can i pay with two cards
      can i use a gift card and a card together
      the payment is stuck on processing
      i was charged but the order failed
      money left my account but no order
      you took the money twice
      there are two charges on my statement
      i see a pending charge i don't recognise
      charged the wrong amount
      charged in dollars instead of pounds
      why was i charged more than the total
      refund the duplicate charge
      my bank says the payment went through but you say unpaid
      payment says pending for an hour
      can someone else pay for my order
      can i change the payment method on my order
      is it safe to pay on your site
      do you store my card details
      how do i get an invoice
      what do i put as invoice name
      can't pay
      how do i pay
      payment options?
      paid but shows awaiting payment
      says awaiting payment but i paid
      locked out after entering the wrong pin
      overcharged on the exchange rate
      friend paid, who gets the refund
      paid too much
    `),
    templates: [],
  },
  complaint: {
    lines: lineList(`
      this is the worst customer service i've ever had
      your service is a joke
      your agent was rude to me
      the person on the phone hung up on me
      the driver was abusive
      the courier chucked my parcel over the fence
      i've been waiting three weeks, this is unacceptable
      i've asked four times and nobody helps
      nobody has answered my emails
      i've been ignored for days
      you keep giving me the runaround
      stop fobbing me off
      stop sending me copy paste replies
      you lied about the delivery date
      you promised a call back and never did
      the product is poor quality and overpriced
      cheap rubbish, fell apart in a week
      it looks nothing like the photos
      this is false advertising
      i think this is a fake
      i'm going to report you
      reporting this to consumer protection
      i'll be leaving a one star review everywhere
      i'll post about this on twitter
      i'm disputing the charge with my bank
      i want compensation for the delay
      i expect compensation for my time
      you owe me compensation
      this has ruined my weekend
      i missed the birthday because of you
      i'm furious
      absolutely livid
      so angry right now
      this is ridiculous!!!
      WHAT A JOKE
      are you kidding me
      you should be ashamed
      never shopping here again
      i'm done with this company
      i want to make a formal complaint about your staff
      how do i escalate a complaint
      i want to complain about the courier
      the packaging was disgraceful
      half the order missing again, pathetic
      this is outrageous
      what kind of service is this
      appalling attitude
      totally unacceptable
      i'm very unhappy with this
      not happy at all
      you don't care at all
      bad review incoming
      terrible terrible terrible
      complaint about the courier
      so slow, i'm complaining
      delivery has been a nightmare, do you even care
      conned by this shop
      i've been conned
      you ripped me off
      disgraceful delivery
      bots are useless, awful service
      honestly this is a shambles
      what a shambles
      you've wasted hours of my time
      i'm sick of chasing you
      worst purchase i've ever made
      the quality is shocking for the price
      absolutely useless company
      i'm appalled by how i've been treated
      customer service here is non-existent
      nobody takes responsibility
      stop blaming the courier and fix it
      this is the last straw
      i've told all my friends not to buy here
      i'm reporting this to the ombudsman
      citizens advice will hear about this
      disgusted with the whole experience
      your returns team is hopeless
      your agent gave me wrong info, unacceptable
    `),
    templates: [],
  },
  human_agent: {
    lines: lineList(`
      can i talk to a real person please
      i'd like to speak to someone
      put me through to an agent
      i want a human not a robot
      this bot doesn't get it, human please
      is there a person i can chat with
      connect me with customer service
      let me speak to a live agent
      transfer me to a manager
      i need to speak to a supervisor
      escalate to a human
      can a human look at this
      pass me to your colleague
      get someone from support
      i'd prefer to talk to a person
      can someone call me back
      what's your phone number
      is there a number i can ring
      do you have phone support
      can i video call
      agent pls
      operator please
      live support please
      a real agent please
      is anyone human there
      any humans around
      speak to human
      need a person
      human agent phone number
      any humans?
      can you transfer me
      how do i get a human
      how to reach a person
      i don't want to talk to a bot
      real person pls
      vip support
      pre sales agent please
      sales team please
      i want to talk to the owner
      voice call?
      can we do a voice chat
    `),
    templates: [],
  },
  out_of_scope: {
    lines: lineList(`
      tell me something funny
      know any good jokes
      why did the chicken cross the road
      make me laugh
      play a game with me
      let's play 20 questions
      rock paper scissors
      flip a coin
      pick a number between 1 and 10
      roll a dice
      what's 12 squared
      what is 100 divided by 7
      how many seconds in a day
      how many weeks in a year
      is 17 a prime number
      what's the weather like in london
      is it going to snow
      sunrise time tomorrow
      who won the election
      what do you think of the government
      tell me the news
      latest headlines
      what's happening in the world
      apple stock price
      amzn
      msft stock
      goog
      should i invest in tesla
      is crypto a good investment
      how do i buy bitcoin
      who is kim kardashian
      is drake touring
      how tall is shaquille o'neal
      who won the oscars
      who is the richest person
      where was einstein born
      what is photosynthesis
      how far is the moon
      how many continents are there
      what's the biggest animal
      when did ww2 end
      write me a cover letter
      write a birthday poem for my mum
      write a limerick
      summarise this article
      proofread my email
      help me with my maths homework
      what's the answer to question 3
      explain quantum physics
      how does the internet work
      write sql for me
      how to center a div
      debug my code
      how many calories in a banana
      is coffee bad for you
      how much water should i drink
      what should i eat tonight
      chicken curry recipe
      how long to cook pasta
      best restaurants near me
      book me a table
      flights to spain
      hotel in paris
      car rental
      how do i get to the airport
      who won the match last night
      liverpool score
      when is the world cup
      how to get better at chess
      best ps5 games
      watch recommendations on netflix
      recommend a good anime
      what music do you like
      favourite colour?
      do you dream
      do you sleep
      can you feel pain
      what's your opinion on ai
      will robots take over
      i hate my job
      my boyfriend dumped me
      give me life advice
      how to be happy
      how to make money online
      how do i sell on etsy
      how to set up a website
      how do i return to ikea
      argos order help
      uber eats refund
      my broadband is down
      my bank app won't open
      my lg tv has no sound
      dyson hoover not working, bought at currys
      apple airpods not from you, broken
      when is the next galaxy out
      samsung or apple
      best laptop brand in the world
      job vacancies?
      do you have an internship
      can you call my mum
      remind me tomorrow
      set an alarm
      what's my ip
      hjkl
      sdfsdf
      blah blah
      nonsense
      123456
      can you draw
      draw me a cat
      can you play chess
      do you speak japanese
      how do you say thank you in japanese
      suggest a baby name
      read my horoscope
      what's my star sign
      when is easter
      is tomorrow a bank holiday
      how tall is everest
      how did dinosaurs die
      why do cats hate water
      tell me about history
      who was napoleon
      should i quit my job
      should i break up with him
      how to ask for a raise
      make me a powerpoint
      excel sum formula
      how to screenshot on mac
      reinstall windows
      forgot my wifi password
      router setup
      taxi to the airport cost
      when does the tube close
      book a doctor
      where can i get a flu jab
      typhoon warning
      is there an earthquake
      petrol station nearby
      nearest atm
      good bbq place near me
      best bubble tea
      pregnancy symptoms
      morning sickness remedy
      sorry wrong chat
      sent that by mistake
      typo ignore
      what's the capital of australia
      how many legs does a spider have
      how do planes fly
      why is the sky blue
      how old is the universe
      who painted the mona lisa
      what's the longest river
      can you write a rap about cats
      make up a song
      give me a fun fact
      tell me a fun fact about space
      what's a good name for my dog
      how do i tie a tie
      how to iron a shirt properly
      how to remove a red wine stain
      how do i fix a leaky tap at home
      recommend a good gym
      how to meditate
      how to stop procrastinating
      what's the best diet
      what's the lottery result
      lottery numbers?
      horse racing tips
      football predictions
      who will win the league
      wordle answer today
      crossword clue help
      what's trending on twitter
      who's on the cover of vogue
      what's your star sign
      do you believe in ghosts
    `),
    templates: [],
  },
}
