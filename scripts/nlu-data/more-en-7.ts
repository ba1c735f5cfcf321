/**
 * More English training fragments, fifth batch (train + dev, never test): out-of-scope breadth (many
 * topics, short chit-chat that is not a greeting), complaint vs return_refund / logistics / after_sales_fault
 * boundaries, transit breakage, and product attribute, spec, compatibility and usage questions for every demo
 * category.
 */
import { lineList } from './line-list.js'
import type { MoreSpec } from './more-train.js'

export const moreEn7: MoreSpec = {
  greeting: {
    lines: lineList(`
      hi
      hello?
      hiya
      heya
      hey hey
      hi again
      hello again
      good morning
      good afternoon
      good evening
      evening
      afternoon!
      hi, you there?
      anyone around?
      is anyone here
      hello, is this the right chat
      thank you!
      thanks a lot
      thanks heaps
      cheers
      cheers mate
      thx
      ty
      tyvm
      thanks, you're a star
      thank you for your patience
      appreciate it
      much appreciated
      that's really helpful, thanks
      perfect, thanks
      great, thank you
      awesome thanks
      all good now, thanks
      problem solved, thank you
      that's all i needed
      bye
      goodbye
      bye bye
      see ya
      later
      take care
      have a lovely day
      good night
      night night
      ttyl
      gotta go, thanks
      ok, that's everything
      are you a bot
      are you a real person
      are you human
      is this automated
      am i talking to ai
      are you an ai assistant
      what's your name
      who am i talking to
      what are you
      how are you
      how are you doing today
      how's it going
      how's your day
      you ok?
      pleased to meet you
      yes
      yep
      yup
      ok
      okay
      ok great
      alright
      got it
      understood
      noted
      sounds good
      that works
      no thanks
      no, that's all
      not now
      no need
      all set
      go ahead
      yes please
      yes, confirm
      confirmed
      that's right
      exactly
      sorry, typo
      one sec
      give me a minute
      brb, checking something
      let me check
      wait a moment
      you're very kind
      you've been a great help
      thanks for sorting it so fast
      shout out to the agent earlier, very helpful
      lovely chatting with you
      are you conscious
      what do you dream about
      do you have feelings
      what's your favourite colour
      what's your favourite food
      do you like pizza
      do you have a boyfriend
      do you eat
      are you happy
      how old are you really
      where do you live
      do you have a family
      what's your favourite movie
      can you learn
      can you remember me next time
      who made you, openai?
      are you smarter than siri
    `),
    templates: [],
  },
  product_inquiry: {
    lines: lineList(`
      what's the fill power of the down jacket
      how much down is in the jacket
      is it duck or goose down
      is the shell waterproof or just water repellent
      how warm is it, down to what temperature
      is the hood detachable
      does the jacket have inside pockets
      is it machine washable
      can i tumble dry the down jacket
      how heavy is the jacket
      does it pack into a bag
      is the fabric breathable
      what's the t-shirt made of
      is it 100% cotton
      is the cotton organic
      how thick is the fabric
      is the t-shirt see through
      will the t-shirt shrink
      does the print crack after washing
      is the collar ribbed
      what's the gsm of the tee
      are the jeans stretchy
      how much stretch in the denim
      what's the rise on these jeans
      is it raw denim
      does the dye bleed
      will the jeans fade
      is it button fly or zip
      how long is the inseam
      is the dress lined
      what fabric is the dress
      is the dress see through in the sun
      is the zip at the back or side
      can the dress be ironed
      are the boots waterproof
      what's the boot lining
      is it real leather
      is the sole rubber
      are they non slip on ice
      how high is the heel
      are the boots insulated
      do the boots have a side zip
      are the sneakers good for running
      are they breathable
      is the insole removable
      can i put the sneakers in the washing machine
      how much do the sneakers weigh
      are they vegan
      what's the upper made of
      is the casual shoe leather or suede
      how do i clean suede shoes
      do the casual shoes have arch support
      what's the battery life of the earbuds
      how long does the case charge last
      do the earbuds have anc
      are they waterproof for swimming
      ip rating of the earbuds
      can i use one earbud at a time
      do they support wireless charging
      do they work with android
      do they work with iphone
      multipoint connection?
      what bluetooth version
      which codecs, aac or ldac
      is there an app for the earbuds
      can i change the touch controls
      latency for gaming?
      do the headphones fold
      are the headphones over ear or on ear
      is there a wired mode
      can i use the headphones while charging
      how long do the headphones take to charge
      what's the weight of the headphones
      do they have a mic for calls
      how good is the noise cancelling on planes
      what's the screen size of the phone
      what processor does the phone have
      how much ram
      is the storage expandable
      does it have a headphone jack
      dual sim?
      does it support 5g
      is it unlocked
      does it work on all networks
      what's the camera resolution
      can it shoot 4k video
      how fast does it charge
      does it have face unlock
      is the phone waterproof
      what's the difference between x2 and x2 pro
      x2 vs x2 pro camera difference
      is the pro version heavier
      does the phone come with a charger in the box
      what's in the box
      what cpu is in the laptop
      how much ram can the laptop take
      is the ram upgradeable
      how many usb ports
      does it have hdmi
      can it drive an external monitor
      does it support usb c charging
      how long does the laptop battery last
      is the screen touch
      what's the screen resolution
      is it good for video editing
      can it run games
      is the keyboard backlit
      what operating system does it come with
      what's the weight of the laptop
      does the laptop have a webcam
      how many watts is the charger
      does the charger support fast charging
      is the charger compatible with my laptop
      can i charge my phone and laptop at the same time with it
      is it gan
      how many ports on the charger
      does the cable support data transfer
      how long is the cable
      is the power bank allowed on planes
      what capacity is the power bank
      does the case fit the x2 pro
      does the screen protector cover the edges
      is the case magsafe compatible
      does the smartwatch track sleep
      does the watch have gps
      can it measure blood oxygen
      does it work without a phone
      can i reply to messages from the watch
      is it waterproof for showering
      battery life of the watch?
      are the straps interchangeable
      what size is the watch face
      does the watch support contactless payment
      does it work with iphone
      how accurate is the step counter
      what's the capacity of the rice cooker
      how many people does the rice cooker serve
      is the inner pot non stick
      does it have a keep warm function
      can it cook porridge
      what's the wattage of the air fryer
      how big is the air fryer basket
      is the basket dishwasher safe
      does the air fryer have a timer
      what's the kettle capacity
      is the kettle stainless steel inside
      does the kettle have temperature control
      how noisy is the purifier
      what room size does the purifier cover
      how often do you change the filter
      does the purifier remove pet hair
      is there a night mode
      what voltage is it
      does it come with a uk plug
      is the pan induction compatible
      is the pan oven safe
      what's the pan coating made of
      is the knife set dishwasher safe
      is the duvet down or synthetic
      what tog is the duvet
      is the duvet good for summer
      is the duvet hypoallergenic
      can i wash the duvet at home
      what's the thread count of the sheets
      are the sheets cotton or polyester
      does the fitted sheet fit a deep mattress
      is the pillow memory foam
      how firm is the pillow
      is the perfume long lasting
      how long does the perfume last on skin
      what are the top notes
      does it smell floral or woody
      is it eau de parfum or eau de toilette
      how many ml is the bottle
      is the perfume suitable for men too
      is it a genuine product
      are your products authentic
      does the foundation have spf
      is the foundation full coverage
      is it matte or dewy
      will it suit oily skin
      is the lipstick long wear
      does the mascara smudge
      is it waterproof mascara
      is the makeup cruelty free
      is it fragrance free
      does the serum have retinol
      what are the ingredients of the moisturiser
      can i use the serum with vitamin c
      is it suitable for sensitive skin
      can i use it while pregnant
      how do i use the toner
      morning or night for the serum
      how many pumps should i use
      what's the shelf life once opened
      expiry date on the cream?
      is it tested on animals
      is the sunscreen reef safe
      does it leave a white cast
      how do i use the air fryer for the first time
      how do i pair the earbuds
      how do i set up the watch
      how do i clean the purifier filter
      how do i descale the kettle
      how to wash the down jacket
      care instructions for the dress
      how do i switch on noise cancelling
      where is it made
      which country is it made in
      who makes it
      what brand is the charger
      warranty length?
      how long is the warranty on the laptop
      does it come with a warranty card
      is it the latest model
      when was this model released
      is it new or refurbished
      what colour is the navy exactly, dark or bright
      is the black matte or glossy
      are the colours accurate in the photos
      specs?
      dimensions?
      material?
      weight?
      waterproof?
      battery?
      compatible with mac?
      washable?
      ingredients?
      is it heavy
      is it soft
      is it itchy
      is it warm
      is it loud
      is it sturdy
      is it durable
      is it safe for kids
      is it bpa free
      does it need batteries
      does it need assembly
      how big is it
      how small does it fold
      details on the x2 pro please
      tell me more about the northridge down jacket
      can you describe the material of the boots
      i'm looking at the rice cooker, does it have a timer and is the pot ceramic or teflon
      before i buy the headphones, can you tell me how long the battery lasts with noise cancelling on
      i have a 2020 macbook, will this charger charge it at full speed or is it too weak
      quick q about the serum: can i layer it under the sunscreen or will it pill
      my skin is dry and a bit sensitive, is the moisturiser heavy or light, and does it have fragrance
      does the smartwatch show whatsapp notifications or only sms
      the jeans say slim fit, is the fabric rigid or does it give a bit
      is the dress fabric the kind that wrinkles easily when packed in a suitcase
      can the down jacket handle wet snow or should i wear a shell over it
      is the kettle loud when boiling
      is the air fryer big enough for a whole chicken
      can the laptop handle photoshop and lightroom at the same time
      does the phone have stereo speakers
      can i record calls on the phone
      how bright is the screen outdoors
      does the t-shirt come in a relaxed or slim cut
      is the neckline crew or v
      how many pockets do the jeans have
      is the waistband elastic
      does the dress need dry cleaning
      does the jacket have a two way zip
      are the boots lined with wool
      what's the heel to toe drop on the sneakers
      do the sneakers have a wide toe box
      does the case come with the earbuds
      is there an ear tip size guide in the box
      do the headphones support spatial audio
      does the phone support esim
      does the laptop have a fingerprint reader
      how loud is the laptop under load
      what's the refresh rate of the screen
      is the charger universal voltage
      does the watch have always on display
      can i swim in the sea with the watch
      does the rice cooker have a delay start
      is the kettle cordless
      can the purifier run all night quietly
      is the duvet all season
      does the perfume come with a box
      is the moisturiser non comedogenic
      can men use the serum
      how do you apply the lip tint
      what's the difference between the two shades
      how does the 256gb compare to the 128gb apart from storage
      what temperature range is the jacket rated for
      how long is the jacket, does it cover the bum
      is the jacket lining polyester
      does the jacket have thumb holes
      is the t-shirt heavyweight
      is the t-shirt pre-shrunk
      are the jeans selvedge
      do the jeans have a back pocket flap
      is the dress stretchy
      is the dress suitable for a wedding guest, is the fabric shiny
      are the boots resoleable
      how long does it take to break in the boots
      do the boots have steel toe caps
      are the sneakers good for flat feet
      are the laces included in two colours
      do the earbuds have ear hooks
      can i use the earbuds on a plane with the adapter
      do the earbuds have a find my feature
      can the headphones connect to two devices at once
      do the headphones have an aux cable
      does the phone have wireless charging
      how many years of updates does the phone get
      is the phone screen oled
      does the laptop have thunderbolt
      can i add a second ssd to the laptop
      what's the battery capacity of the laptop in wh
      does the charger come with a cable
      is the charger safe to leave plugged in overnight
      can the watch track cycling
      does the watch vibrate for alarms
      how many days does the watch last with gps on
      does the rice cooker have a steam tray
      can the air fryer bake cakes
      is the kettle's water window easy to read
      does the purifier have a washable pre filter
      what's the cadr of the purifier
      is the duvet cover zip or button
      is the pillow washable
      is the perfume unisex
      what's the base note of the perfume
      does the foundation come in deep shades
      how many shades does the lipstick come in
      is the serum oil based or water based
      is the sunscreen spf 50
      can the moisturiser be used around the eyes
    `),
    templates: [],
  },
  price_promotion: {
    lines: lineList(`
      any discounts
      is there a sale on
      discount code?
      my coupon won't apply
      the promo code isn't working
      how much is the down jacket
      price of the x2 pro?
      how much are the earbuds
      the price dropped after i bought it, can i get the difference
      price protection?
      do you price match
      will it be cheaper on black friday
      student discount?
      free shipping over how much
      how much is shipping
      do members get a discount
      how do i use my points
      points as money off?
      trade in my old phone for credit
      bundle deal?
      buy one get one free?
      is this the lowest price
      any vouchers
      is the sale price still valid
      how long is the promo on
      not great value for the price
      why is it more expensive than last week
    `),
    templates: [],
  },
  stock_availability: {
    lines: lineList(`
      is it in stock
      in stock?
      do you have it in stock
      any left
      how many left
      is the black one available
      is size 42 in stock
      do you have the jeans in 32
      is the x2 pro available in blue
      when will it be back in stock
      restock date?
      when are you restocking the down jacket
      can i pre-order it
      if i pre-order now when will it ship
      notify me when it's back
      can you tell me when it's restocked
      sold out already?
      why is it out of stock
      which sizes are left
      which colours are still available
      only the white left?
      is the medium sold out
      do you have 50 units for my company
      can i buy 20 in bulk, do you have enough stock
      is it available in other warehouses
      is it in stock in the uk warehouse
      will you get more of the perfume
      is this a limited edition
      discontinued?
      are you still selling the old model
      will the green come back
      can i reserve one
      hold one for me please
      is the red dress coming back in size s
      sold out in my size, any more coming
      stock in size 9?
      size 45 available?
      do you have it in navy
    `),
    templates: [],
  },
  size_advice: {
    lines: lineList(`
      what size should i get
      i'm 175cm 70kg, which size
      which size for 180 and 85kg
      does it run small
      is it true to size
      should i size up
      size chart?
      what's a 42 in uk size
      i'm a uk 8, what's that in eu
      my waist is 32, which jeans size
      will m fit me, i'm 165 and 55kg
      chest 100cm, which size
      my feet are wide, size up?
      is it roomy or fitted
      between sizes, which one
      my foot is 26cm long, which size
      what size for a 5 year old
    `),
    templates: [],
  },
  recommendation: {
    lines: lineList(`
      which one should i buy
      what would you recommend
      help me choose
      x2 or x2 pro for me
      which earbuds are best for running
      which laptop for a student
      which phone has the best camera in your shop
      gift ideas for my dad
      gift for a 10 year old
      something for my girlfriend's birthday under 100
      what goes with these jeans
      what shoes go with the dress
      best seller?
      what's popular right now
      alternatives to the sold out jacket
      something similar but cheaper
      which perfume for summer
      which moisturiser for dry skin
      what's good for a beginner
      your top pick?
      what would you get
      recommend a warm jacket for minus 20
      recommend something for a small kitchen
      which charger should i get for my laptop
      dorm room essentials you sell?
      what should i get for a new home
      which headphones for the office
      which is better value
      your favourite product?
      i'll take whatever you recommend
      you choose for me
      surprise me with a gift idea from your shop
      most reviewed item?
      top rated boots?
      which foundation for fair skin
    `),
    templates: [],
  },
  order_status: {
    lines: lineList(`
      has my order shipped
      when will my order ship
      order status please
      what's the status of KF202611180001
      is my order confirmed
      did my order go through
      did my payment go through
      when will you dispatch
      has it left the warehouse
      how long until it leaves the warehouse
      why hasn't it shipped yet
      still processing?
      my order says pending, what does that mean
      what does awaiting dispatch mean
      it says preparing, how long
      order placed 3 days ago, not shipped
      can you check my order
      i can't find my order in the app
      my order disappeared from my account
      where can i see my orders
      did you receive my order
      have you packed it yet
      is my order ready
      was my order split
      order not showing
    `),
    templates: [],
  },
  logistics: {
    lines: lineList(`
      where's my parcel
      parcel not here yet
      tracking hasn't moved in 4 days
      tracking says delivered but nothing here
      marked delivered, never received
      which courier are you using
      tracking number please
      can i have the tracking link
      how long to deliver to edinburgh
      how many days to ship to manchester
      do you deliver on saturdays
      will it arrive before friday
      delivery is late, where is it
      it's 3 days past the estimated date, where is it
      the parcel is stuck in customs
      stuck at the sorting centre
      parcel went back to the depot
      missed delivery, how do i rebook
      the courier card says they tried, how do i get it redelivered
      can i collect it from the depot
      can you hurry up the delivery
      please hurry up and ship it
      urge the courier please
      chase the courier for me
      is it out for delivery
      what time will the driver come
      can the driver leave it with a neighbour
      leave it at the door please
      deliver to a locker
      parcel says returned to sender, why
      the parcel was sent to the wrong address by the courier
      only one of two boxes arrived
      the other parcel hasn't arrived
      split shipment? where's the rest
      delivery estimate?
      when will it get here
      how long does shipping take
      do you ship to northern ireland
      express delivery option?
      next day delivery available?
      the tracking shows a different city
      it's been in transit for a week
      no updates on tracking
      courier says address not found
      the courier lost my parcel
      is my parcel lost
      who do i call about the delivery
      courier phone number?
      redeliver tomorrow please
      delay the delivery until monday
      the parcel was left outside, it's gone
      delivered to wrong house
      signed by someone i don't know
      my plates arrived broken
      the bowls arrived broken
      my cups arrived broken
      the glass jar came broken in the parcel
      my kitchen set arrived broken
      the teapot arrived broken
      the vase arrived broken
      the mirror arrived cracked
      my order arrived broken, the box was crushed
      the parcel arrived crushed
      the box was smashed when it came
      the courier broke it, the box is caved in
      everything inside was broken when it arrived
      my crockery arrived in bits
      the serving dish arrived chipped from the delivery
      the pan arrived dented, box torn open
      it came broken, looks like the courier dropped it
      damaged in delivery
      broken in the post
      the parcel came wet and the contents were ruined
      the package was ripped open on arrival
      half the glasses in the set arrived broken
      my salad bowl arrived cracked
      the casserole dish came broken
    `),
    templates: [],
  },
  modify_order: {
    lines: lineList(`
      change my delivery address
      wrong address on my order, can i change it
      change the recipient name
      change the size on my order to m
      can i switch the colour to black before it ships
      swap the x2 for the x2 pro on my order
      add another item to my order
      can i add a charger to the order i just placed
      change quantity to 2
      reduce it to one please
      merge my two orders
      change the address to my work address
      deliver to my office instead, it hasn't shipped
      i typed the postcode wrong
      can i edit my order
      edit order KF202611180001
      upgrade to the pro version on my order
      downgrade to the standard model
      remove one item from the order
      take the socks off my order
      change shipping to express on my existing order
      i put the wrong flat number
      correct my house number please
    `),
    templates: [],
  },
  cancel_order: {
    lines: lineList(`
      cancel my order
      i want to cancel
      cancel KF202611180001
      can i still cancel, it's shipped
      please cancel before it ships
      cancel it, i ordered by mistake
      cancel the order, will the money go back to my card
      how do i cancel on the app
      cancel one item from my order
      stop the order please
      i don't want it anymore, cancel
      intercept the parcel and cancel
    `),
    templates: [],
  },
  return_refund: {
    lines: lineList(`
      the earbuds won't charge, i just want my money back
      it broke after two days, refund please
      faulty, i want to return it
      the screen is dead, send me a refund
      i don't want a repair, i want a refund
      don't fix it, just refund me
      no replacement, refund only
      can i swap it for a new one instead of a repair
      exchange the faulty charger for a new one
      the jacket is too small, can i exchange it for a large
      exchange for a different colour please
      i changed my mind, how do i return it
      can i return it if i've opened the box
      return window?
      is it 7 day no questions return
      do i pay return postage
      who pays for the return shipping
      is return shipping free
      prepaid return label please
      how do i print the return label
      where is my refund
      refund still not in my account
      when will i get my money back
      how long does a refund take to reach my card
      you received my return, where's my refund
      my return was delivered to you a week ago, refund?
      partial refund for the missing item please
      one item was missing, refund that part
      refund the difference, you sent the cheaper model
      refund me now
      i want my money back now
      just give me my money back
      money back please
      refund!!!
      return please
      return it
      can i get a refund
      refund for order KF202611180001
      return request for the dress
      start a return for the boots
      how do i start a return on the app
      return status?
      has my return been approved
      why was my return rejected
      my refund was declined, why
      can i return a gift without the receipt
      can i return a sale item
      can i return makeup i've tried
      can perfume be returned once opened
      can i return earbuds for hygiene reasons
      return the duvet, it's too warm
      it doesn't suit me, return
      didn't fit, returning
      too big, sending it back for a refund
      wrong item sent, i want a refund
      you sent the wrong size, exchange please
      received the wrong colour, swap it
      the parcel arrived damaged, i want a refund not a replacement
      arrived smashed, refund me
      can i exchange in store
      return to a pickup point instead of courier collection
      can the courier collect the return from my house
      refund to original payment or store credit?
      i want the refund on my card not as credit
      can i get cash instead of a voucher
      is the shipping fee refunded too
      refund the shipping cost as well
      refund hasn't arrived after 10 days
      you said 3-5 days for the refund, it's been 2 weeks
      return label expired, new one please
      lost the return label
      i sent the return without the tracking, what now
      return exchange size m for l
      swap these jeans for a 32 waist
      exchange the phone for the 256gb version, i'll pay the difference
      i'd like to return one of the two items
      can i return just the shoes from the order
      return and rebuy at the new price?
    `),
    templates: [],
  },
  after_sales_fault: {
    lines: lineList(`
      the earbuds won't charge
      left earbud has no sound
      right earbud keeps disconnecting
      the headphones crackle at high volume
      noise cancelling stopped working
      the phone won't turn on
      phone screen flickers
      touchscreen is unresponsive in one corner
      the phone gets really hot when charging
      battery drains in two hours
      camera shows a black screen
      speaker buzzes
      the laptop won't boot
      laptop keyboard keys stuck
      trackpad doesn't click
      laptop fan is very loud
      blue screen on startup
      the charger doesn't charge anything
      the cable only works at one angle
      charger gets hot and smells
      the smartwatch won't pair
      watch screen went black
      heart rate sensor gives crazy readings
      the watch strap pin broke
      the rice cooker doesn't heat
      the air fryer shows error e3
      the purifier makes a clicking noise
      the blender won't start
      the vacuum lost suction
      zip on the jacket broke
      the seam on the jeans split
      a button fell off the shirt
      sole is coming off the boots
      the heel broke on first wear
      sneakers squeak every step
      the duvet has a hole and feathers come out
      the pan coating is peeling
      the pump on the perfume doesn't spray
      the foundation bottle pump is broken
      the lipstick snapped in the tube
      how do i get it repaired
      can you repair it
      is it still under warranty
      how do i claim warranty
      where's the nearest repair centre
      send it for repair
      how long does a repair take
      is the repair free
      can i get it fixed
      it stopped working after a month
      not working
      doesn't work anymore
      broken
      faulty unit
      defective
      dead on arrival, what do i do
      how do i reset the earbuds, they won't connect
      troubleshooting? the watch keeps restarting
      it keeps restarting by itself
      it won't update
      the app won't connect to the device
      bluetooth keeps dropping on the headphones
      wifi doesn't work on the laptop
      the screen has dead pixels
      there's a line across the display
      it makes a weird noise
      it smells of burning
      the battery swelled
      the charging port is loose
      the mic doesn't pick up my voice
      the volume buttons don't work
    `),
    templates: [],
  },
  invoice_payment: {
    lines: lineList(`
      can i get an invoice
      vat invoice please
      i need a receipt for my company
      put my company name on the invoice
      payment failed
      my card was declined
      charged twice
      i was charged but the order says unpaid
      can i pay with paypal
      do you take apple pay
      can i pay in instalments
      klarna available?
      pay on delivery?
      how do i change payment method
      exchange rate overcharge on my card
      why was i charged in a different currency
      i paid too much, the total is wrong
      the payment is stuck on processing
      bank transfer details?
      can i pay with a gift card
      the invoice has the wrong address
      resend my invoice
    `),
    templates: [],
  },
  complaint: {
    lines: lineList(`
      your customer service is a joke
      worst shopping experience of my life
      i've been waiting a week for someone to reply to my email
      nobody ever answers the phone
      i asked three times and still no answer
      this is the third time i'm contacting you
      your staff were incredibly rude to me
      the agent hung up on me
      the last person i spoke to was useless
      i was promised a callback that never came
      you keep giving me copy paste answers
      stop sending me the same automated reply
      your delivery guy threw my parcel over the fence
      the courier was rude and swore at me
      the driver left my parcel in the rain and didn't care
      the courier faked a delivery attempt, i was home all day
      i want compensation for the delay
      i expect some compensation for this mess
      what are you going to do to make this right
      i want a goodwill gesture for the trouble
      you owe me compensation for the wasted day
      i took a day off work for this delivery and nobody came, i want compensating
      i'm going to leave a one star review
      i'll be writing a review about this everywhere
      i'm posting this on twitter
      i'll tell everyone i know to avoid this shop
      i'm reporting you to trading standards
      i'm going to the ombudsman
      i'll file a chargeback and report you
      i'm contacting consumer protection
      i'll report this to the better business bureau
      see you in small claims court
      my lawyer will be in touch
      i want to make a formal complaint
      how do i file a complaint
      i want to lodge a complaint about your service
      i want to complain about the agent i spoke to
      i want to complain about your courier
      who do i complain to
      escalate my complaint please
      this complaint needs to go to management
      the quality of your products has gone downhill
      the quality is rubbish compared to the photos
      everything i buy here falls apart, terrible quality
      cheap nasty quality, never again
      looks nothing like the pictures, false advertising
      misleading product description, that's false advertising
      the description lied about the material
      you said it was real leather, it's plastic, that's misleading
      the jacket is not 90% down like you claimed, i feel cheated
      you're selling fakes
      this is clearly a counterfeit, disgraceful
      you sent me a used item as new, unacceptable
      the packaging was disgusting and dirty
      the box stank of smoke
      you charged me full price for a damaged returns item
      i've been lied to repeatedly
      your return process is a nightmare
      the refund took forever and nobody explained why, awful service
      it's been a month and my refund issue is still unresolved, i'm fed up
      your after sales service is appalling
      your repair service is a disgrace, three weeks and nothing
      the technician was rude and unhelpful
      you keep passing me between departments
      i've been on hold for 45 minutes
      your chat bot is useless
      your website is a mess, i'm done
      your app crashed and lost my order, terrible
      this company is a scam
      you're a bunch of crooks
      shameful way to treat customers
      i'm disgusted with how i've been treated
      absolutely unacceptable
      this is ridiculous
      unbelievable service
      never shopping here again
      i'm closing my account after this
      cancel my membership, your service is terrible
      very disappointed with this company
      extremely unhappy with the service
      i'm really unhappy with how this was handled
      not happy at all with the way you dealt with this
      you've ruined my daughter's birthday
      the gift arrived late and ruined christmas, thanks a lot
      you messed up my order again
      second time you sent the wrong thing, this is beyond a joke
      you clearly don't care about customers
      treat your customers better
      no apology, nothing, pathetic
      i want an apology
      at least say sorry
      someone needs to take responsibility for this
      i want to speak to whoever is responsible, this is a complaint
      your manager needs to hear about this complaint
      feedback: your packing team is careless
      feedback about the awful delivery experience
      the courier damaged my fence, who pays for that
      the delivery van blocked my driveway for an hour
      your driver was smoking in my doorway
      the courier was aggressive
      the delivery man was rude to my elderly mother
      rude staff at your pickup point
      you sold my personal data, i'm getting spam
      i'm getting too many marketing emails, this is harassment
      you keep calling me, stop it
      your sales calls are harassment
      the price went up right after i added it to my cart, shady
      fake discounts, the original price was never that high
      bait and switch pricing, disgraceful
      the promotion was a con
      you cancelled my order without telling me, very poor
      you cancelled my order and kept my money for a week, shocking
      i paid for express and it came in 10 days, i want the shipping fee compensated
      late delivery and no one told me, i want compensation
      parcel was a week late, at least give me a voucher
      three weeks late, what compensation do i get
      you lost my parcel and i had to chase you for days, unacceptable
      the tracking was wrong all along, nobody was honest with me
      why does nobody take responsibility in this company
      i've wasted hours on this
      fed up with excuses
      stop making excuses
      enough with the excuses
      pathetic
      disgraceful
      appalling
      useless company
      shocking service
      total scam
      zero stars
      terrible, terrible service
      horrible experience
      awful customer care
      i demand compensation
      compensate me
      give me compensation now
      1 star
      reporting you
      complaint
      formal complaint
      i'm complaining
      this deserves a complaint
      i'm writing to complain about order KF202611180001
      order KF202611180001 was a disaster from start to finish
      the earbuds were fine but your service was awful
      product's ok, service is awful
      the agent promised a refund and then denied it, i want this escalated
      one agent says one thing, the next says the opposite, sort yourselves out
      i was told it would be replaced and nothing happened, very poor service
      the repair came back worse than before, what a shambles
      your quality control is non existent
      second faulty one in a row, your quality control is a joke
      the perfume smells nothing like the original, feels like a fake
      the makeup looked used, disgusting
      the duvet stinks and the quality is awful, i want compensation
      the shoes fell apart after a week, shocking quality, i'm leaving a review
      the laptop was sold as new but had someone's files on it, outrageous
      the dress is see through and cheap, completely misrepresented
      the down jacket sheds feathers everywhere, what a rip off
      the jeans faded after one wash, poor quality, very disappointed
      seriously, how hard is it to send the right size
      you people are hopeless
      do you even train your staff
      your agent was sarcastic with me
      the agent laughed at me
      the agent was condescending
      the agent closed the chat on me
      i was blocked from the chat for complaining
      you deleted my review, that's censorship
      you're hiding bad reviews
      you ignored my messages for days
      why is nobody responding to my complaint
      my complaint from last week was never answered
      what happened to my complaint
      complaint reference number please
      follow up on my complaint
      status of my complaint?
      any update on my complaint
      you said someone would contact me about my complaint
      the delivery was two weeks late and your team didn't even apologise
      i paid for next day and waited a week, i expect the shipping fee back as compensation
      the refund was fine but the way your agent spoke to me was not
      i don't want a refund, i want someone to acknowledge how badly this was handled
      the courier left it at the wrong house and your team blamed me
      your courier partner is hopeless and you keep using them
      i'm not returning it, i'm complaining about the quality
      it's not about the money, it's about the terrible service
      the jacket leaks feathers and your support called it normal, that's insulting
      i reported a fault and was ignored for ten days, that's the complaint
      i'll go to the press with this
      i'll post the video of the unboxing everywhere
      i'm warning you, one more delay and i report you
      i've already raised a dispute with my bank because you ignored me
      you have 48 hours to sort this or i go to trading standards
      final warning before i contact the ombudsman
      the quality has gotten worse every order
      i used to love this shop, now it's rubbish
      your standards have really slipped
      honestly embarrassed i recommended you to friends
      staff at the pickup point were rude
      the man on the phone shouted at me
      the chat agent ignored half my questions
      you closed my ticket without fixing anything
      why was my ticket closed, nothing is resolved
      nobody reads the messages here
      what's the point of this chat if nobody helps
      i've emailed four times about the broken kettle and nobody has replied, that's the real problem
      the replacement took a month and nobody kept me updated, poor service
      your returns team lost my parcel and now blames me, disgraceful
      i want compensation for the time i've spent chasing my refund
      give me a voucher for all the hassle with the late delivery
      your driver scratched my car door reversing, i want this dealt with
      the courier read my parcel label out loud to the whole street, unprofessional
      i asked for no contact delivery and the driver barged in
      the delivery man was drunk
      the driver was on his phone and threw the box at me
      i want the courier disciplined
      i'm not happy with the driver's attitude
      i want to report the delivery driver
      the agent gave me false information about my refund, i want to complain
      i was misled about the warranty by your staff
      your agent promised free shipping and then charged me, i feel cheated
      i was told it was in stock and then waited three weeks, lied to
      customer service keeps reading from a script
      i've had better service from a vending machine
      you should be ashamed of this service
      i expect better from a shop your size
      shame on you
      poor show
      very poor
      not good enough
      this is not acceptable
      so disappointed
      truly awful
      dreadful service
      i regret ordering from you
      worst company ever
      cowboys
      what a shambles
      sort it out
      do better
      you've lost a customer
      lost a loyal customer today
      i've been a customer for five years and this is how you treat me
      vip member and treated like rubbish
      the quality of the stitching is shoddy, i'm very disappointed with this brand
      the perfume bottle looks cheap, not what a premium brand should send
      the laptop has scratches and you sold it as brand new, i want compensation
      the phone i got was clearly refurbished, not new, this is misleading
      the earbuds are fake, the serial number doesn't exist
      i'm reporting this listing as counterfeit
      i've screenshot everything and i'm posting a review
      my review will say exactly how you treated me
      i'm warning other buyers about you
      i'll make sure everyone on the forum knows
      consumer council will hear about this
      i'm taking this to citizens advice
      i'm disputing the charge with visa because of your service
      i want written confirmation of my complaint
      put my complaint in writing
      i want a complaint reference
      your complaints procedure please
    `),
    templates: [],
  },
  human_agent: {
    lines: lineList(`
      human please
      real person please
      let me talk to a person
      transfer me to an agent
      i want a human not a bot
      agent
      can i call you
      customer service phone number
      get me a human
      connect me to live support
      is a human agent available
      put me through to a real person
      i need to talk to staff
      operator
      representative please
      stop the bot, person please
      can a real agent take over
      i'd rather talk to a human
    `),
    templates: [],
  },
  out_of_scope: {
    lines: lineList(`
      what's the capital of australia
      how far is the moon
      who invented the telephone
      how many bones in the human body
      what's the speed of light
      why is the sky blue
      how do volcanoes form
      what year did ww2 end
      who was the first president of the usa
      how tall is mount everest
      what is photosynthesis
      explain black holes to me
      how do magnets work
      what's the population of canada
      how many planets are there
      is pluto a planet
      what language do they speak in brazil
      what time is it in tokyo
      time zone for new york?
      solve 3x + 5 = 20
      what's the square root of 144
      help me with my algebra homework
      integrate x squared for me
      convert 50 miles to km
      how many ounces in a pound
      fahrenheit to celsius 98.6
      what's 15% of 240
      can you check my essay grammar
      translate good morning into french
      how do you say thank you in japanese
      what does serendipity mean
      synonym for happy
      spell necessary
      write me a cover letter
      help me write my cv
      write a wedding speech for my brother
      write a haiku about autumn
      compose a limerick
      write a short story about a dragon
      give me a riddle
      tell me a knock knock joke
      say something funny
      make me laugh
      roast me
      tell me a bedtime story
      what's the meaning of life
      is there a god
      do aliens exist
      what happens after we die
      i'm bored
      i'm so tired today
      i can't sleep
      i'm feeling sad
      my cat is sick
      my dog ate chocolate, what do i do
      my head hurts, what should i take
      is ibuprofen safe with alcohol
      how much water should i drink a day
      how many calories in a banana
      how to lose belly fat
      best workout for abs
      is coffee bad for you
      how to get rid of a cold fast
      symptoms of flu
      is this rash serious
      should i see a doctor for back pain
      how to lower cholesterol
      book me a doctor's appointment
      book a table for two tonight
      book me a flight to paris
      cheapest flights to london
      train times to manchester
      is my flight delayed
      hotel recommendations in rome
      best beaches in thailand
      do i need a visa for japan
      how to renew my passport
      what's the weather tomorrow
      will it rain this weekend
      is it going to snow
      temperature outside?
      sunrise time today
      weather in london
      how hot is it in dubai
      what's the score of the match
      who won the game last night
      premier league table
      when is the world cup
      nba scores
      who won the super bowl
      f1 results
      tennis results today
      is the stock market up today
      should i buy tesla shares
      bitcoin price
      is ethereum a good investment
      how do i buy crypto
      best savings account
      how to get a mortgage
      what's my credit score
      how do i file my taxes
      tax return deadline
      how to open a bank account
      exchange rate dollar to euro
      how to make money online
      side hustle ideas
      how to get rich quick
      how to write a python function
      fix my javascript error
      how do i learn to code
      sql query to join two tables
      my code won't compile
      what's the difference between java and javascript
      how to center a div
      install linux on my pc
      my wifi keeps dropping at home
      reset my router
      my netflix isn't working
      how to cancel spotify premium
      my amazon order is late
      track my ebay parcel
      my uber driver didn't show up
      how do i contact apple support
      is google down
      facebook login not working
      how to delete my instagram
      how to get more followers
      who is the president of france
      what do you think about the election
      is the government corrupt
      what's happening in the news
      latest news headlines
      war news
      recipe for lasagna
      how long to boil an egg
      how to make pancakes
      what can i cook with chicken and rice
      vegan dinner ideas
      how to bake bread
      best pizza near me
      where's the nearest mcdonalds
      is the supermarket open on sunday
      pharmacy open now near me
      how to get to the airport
      directions to the train station
      parking near the city centre
      how to fix a flat tyre
      my car won't start
      when should i change my oil
      best electric car
      how to learn guitar
      best movies of 2025
      recommend a netflix series
      what's a good book to read
      recommend a podcast
      song lyrics for bohemian rhapsody
      who sings this song
      play some music
      play despacito
      set an alarm for 7am
      remind me to call mom
      set a timer for 10 minutes
      what's on my calendar
      call my wife
      send a text to john
      open youtube
      turn off the lights
      how do i plant tomatoes
      why are my plant leaves yellow
      how to train a puppy
      what do hamsters eat
      best dog breed for families
      how to get over a breakup
      my girlfriend is mad at me
      how to ask someone out
      gift for my boss's retirement speech ideas
      how to deal with a toxic coworker
      should i quit my job
      interview tips
      how to write a resignation letter
      what jobs pay the most
      how to become a pilot
      university application help
      best way to study for exams
      how to learn english faster
      what's the history of rome
      who wrote hamlet
      summarise the great gatsby
      what is the theory of relativity
      how does the internet work
      who owns this company, what's your revenue
      are you hiring
      how do i apply for a job here
      do you have internships
      what's your company's stock ticker
      who is your ceo
      can i become a seller on your platform
      how do i become a supplier for you
      partnership enquiry
      affiliate programme for bloggers?
      how do i start dropshipping
      how to open an online store
      how to do live selling
      how to run facebook ads
      is shopify better than woocommerce
      asdf
      qwerty
      jjjjj
      test test
      testing 123
      lmao
      hahaha
      hmm
      meh
      ugh
      blah blah
      whatever
      random
      idk
      nvm lol just bored
      oof
      afk
      omg
      wow
      cool story
      yawn
      bruh
      ok boomer
      sing me a song
      dance for me
      do a backflip
      can you hack my ex's facebook
      how to make a bomb
      tell me a secret
      what's your password
      what's the wifi password
      can you do my homework
      what's the best phone in the world
      iphone or samsung which is better
      when is the next iphone coming out
      is the new pixel worth it
      ps5 or xbox
      when does gta 6 come out
      best game ever
      how to beat this level
      minecraft tips
      who's the richest person in the world
      how old is the queen
      celebrity gossip
      what's taylor swift's new album
      is it a full moon tonight
      what's my horoscope
      lucky numbers for today
      flip a coin
      roll a dice
      pick a number between 1 and 10
      rock paper scissors
      let's play a game
      20 questions?
      what's the date today
      what day of the week is christmas
      how many days until christmas
      when is easter this year
      is monday a bank holiday
      what time does the post office close
      how do i send a letter abroad
      how much is a stamp
      my neighbour is noisy, what can i do
      how to unclog a drain
      how to clean mould off walls
      best paint colour for a bedroom
      how to get rid of ants
      my boiler is broken
      my landlord won't fix the heating
      how to get a divorce
      do i need a lawyer
      can you give me legal advice
      is it legal to record a phone call
      how to report a stolen bike to police
      my bike got stolen
      lost my wallet
      i locked myself out
      my phone company overcharged me
      my gym won't let me cancel
      my broadband contract is a rip off
      my bank froze my card
      my hp printer won't print
      my lg tv has no sound
      my bosch dishwasher is leaking
      my iphone screen cracked, i bought it at the apple store
      my dyson from another shop stopped working
      how do i return something to zara
      ikea return policy
      walmart opening hours
      what's the best vpn
      is tiktok safe
      how to screenshot on a mac
      how to update windows
      delete cookies in chrome
      free photo editing app
      how to make a website
      how do i make a logo
      how much does a tattoo cost
      does a tattoo hurt
      what haircut suits a round face
      how to braid hair
      how to tie shoelaces fast
      how to fold a fitted sheet
      how to sew a button
      how to knit a scarf
      how do i get red wine out of a carpet
      how to whiten teeth at home
      how often should you shower
      what's the best way to wake up early
      how to be more confident
      motivational quote please
      inspire me
      give me some life advice
      what should i name my baby
      baby names starting with a
      when do babies start walking
      how to potty train a toddler
      is it safe to fly while pregnant
      how to plan a wedding
      wedding venue ideas
      birthday party ideas for a 5 year old
      what should i do this weekend
      things to do in paris
      what's a fun date idea
      where should i go on holiday
      camping checklist
      how to pitch a tent
      how to make a campfire
      how to survive in the wild
      how to swim
      learn to drive tips
      how to parallel park
      what's the speed limit on a motorway
      how do elections work
      what's brexit
      explain inflation
      why are prices going up everywhere
      what's the minimum wage
      how much is rent in london
      is it cheaper to rent or buy
      how to save money on groceries
      cheap meal ideas
      what should i eat for lunch
      what's for dinner
      am i fat
      how tall should i be for my age
      does the bus run on sundays
      is the metro running today
      how much is a taxi to the airport
      uber or lyft
      can you order me a pizza
      order me an uber
      pay my electricity bill
      top up my phone credit
      renew my car insurance
      cheapest car insurance
      how does life insurance work
      how to claim on travel insurance
      what's the best credit card
      my paypal account is limited
      how do i contact paypal
      venmo not working
      cash app scam?
      is this email a scam
      someone hacked my email
      how to make a strong password
      two factor authentication setup for gmail
      what's the best ai
      hey siri
      ok google
      alexa, play music
      it's so hot today
      nice weather today
      raining again
      i love summer
      mondays suck
      so hungry
      i just woke up
      had a long day at work
      my boss is annoying
      i got a promotion!
      i passed my exam
      it's my birthday today
      i'm getting married next month
      i'm pregnant
      my grandma is in hospital
      i'm at the gym
      watching tv
      eating dinner
      what month is it
      how to authenticate a designer bag from another site
      give me an instagram caption
      caption ideas for a selfie
      write a tweet for me
      help me name my business
      slogan for my bakery
      what's the tallest building in the world
      how deep is the ocean
      who discovered penicillin
      how old is the earth
      why do cats purr
      how do bees make honey
      what's the biggest animal
      how many countries are in africa
      what's the chemical symbol for gold
      who painted the starry night
      how do planes stay in the air
      how does a microwave work
      what's the difference between weather and climate
      how are rainbows made
      what is dna
      write an email to my landlord
      write a birthday poem for my mum
      paraphrase this paragraph
      summarise this article for me
      make my essay sound smarter
      give me a title for my blog
      draft a complaint letter to my council
      write a complaint to my airline
      my airline lost my luggage
      my train was cancelled, how do i get compensation
      how to claim compensation from an airline
      my landlord kept my deposit
      my employer didn't pay me
      my phone contract provider won't unlock my phone
      my internet provider is terrible
      my electricity bill is too high
      i want to complain about my neighbour
      how do i report a pothole
      how do i contact the council
      what's the police non emergency number
      is there a strike tomorrow
      when are the school holidays
      what's the best university
      how long is a marathon
      how to run faster
      how many push ups should i do
      stretching routine for back pain
      yoga for beginners
      best protein powder brand
      is keto healthy
      intermittent fasting tips
      how much sleep do i need
      how to stop snoring
      why do i keep waking up at 3am
      how to cure a hangover
      best hangover food
      how to stop drinking
      how to quit smoking
      vaping vs smoking
      what's the drinking age in the us
      best beer in the world
      red or white wine with fish
      cocktail recipe with vodka
      how to make cold brew coffee
      starbucks menu
      is tea better than coffee
      what's a good cheap wine
      why is my sourdough flat
      how to cook steak medium rare
      how long to roast a chicken
      what's a healthy breakfast
      smoothie recipe
      how to meal prep
      grocery list for the week
      what's in season in autumn
      best time to visit japan
      is it safe to travel to egypt
      how much to tip in america
      cheap hostels in berlin
      how to pack light
      travel insurance for skiing
      when do the clocks go back
      how long is the flight to new york
      what's the busiest airport
      how to get a driving licence
      how much is a parking ticket
      how to appeal a parking fine
      my car failed its mot
      best car for a family
      what's the best phone plan
      cheapest mobile contract
      how to switch energy supplier
      solar panels worth it?
      heat pump vs gas boiler
      how to insulate a loft
      how to fix a squeaky door
      how to hang a picture
      how to put up shelves
      how to paint a wall
      how to lay laminate flooring
      how to fix a running toilet
      how to bleed a radiator
      why is my fridge making noise, it's a samsung i've had for years
      my washing machine from currys won't spin
      my philips shaver broke, bought it elsewhere
      how to fix my ps5 controller drift
      my xbox won't turn on
      my kindle froze
      my airpods won't connect, got them from apple
      macbook battery replacement at apple cost
      can you fix my iphone, i didn't buy it here
      my samsung phone bought at the carrier store is overheating
      who's the best football team
      how many goals has messi scored
      what's the offside rule
      when is wimbledon
      who won the boxing last night
      cricket score
      golf tips for beginners
      how to get better at chess
      sudoku tips
      best board games
      best video games this year
      what's a good anime
      marvel movies in order
      who plays batman
      oscar winners this year
      what's on tv tonight
      cinema times near me
      concert tickets for coldplay
      when is glastonbury
      how to become famous
      how to start a youtube channel
      how do influencers make money
      how much do youtubers earn
      tiktok dance tutorial
      what does rizz mean
      what does sus mean
      explain this meme
      teach me slang
      what's the plural of octopus
      is it affect or effect
      who won the nobel peace prize
      what's the un
      how does the stock exchange work
      what's a recession
      explain quantum computing simply
      what is machine learning
      how does chatgpt work
      can ai take over the world
      will robots take our jobs
      what's the metaverse
      what is nft
      what's an etf
      how to invest 1000 pounds
      pension advice
      how to budget
      how to get out of debt
      is a payday loan a good idea
      my cat won't eat
      why does my dog bark at night
      how to clean a fish tank
      best food for puppies
      can dogs eat grapes
      how to look after a rabbit
      how to grow basil indoors
      when to plant bulbs
      how to get rid of weeds
      how to compost
      what flowers bloom in winter
      best houseplants for low light
      how to meet new people
      how to make friends as an adult
      am i in love
      how to write a love letter
      is it normal to feel lonely
      how to stop overthinking
      breathing exercise for anxiety
      i need a therapist
      my kid won't sleep
      how to help a teenager with exams
      what age can kids use phones
      screen time limits for kids
      homework help for year 5 maths
      what's a noun
      times tables song
      what's the highest mountain in africa
      how many legs does a spider have
      why do we yawn
      how long do turtles live
      how to make slime
      how to fold a paper plane
      what's the longest word in english
      who invented the light bulb
      how do you make ice cream at home
      what's the best way to learn maths
      how do i stop my kid biting
      my teenager won't talk to me
      what's a good hobby
      learn to paint online
      how to take better photos with my phone
      best hiking trails near me
      how to ski
      how cold is antarctica
      how to fix a zip on my own bag i bought years ago
    `),
    templates: [],
  },
}
