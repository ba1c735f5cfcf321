/**
 * More English training fragments, third batch (train + dev, never test): very short chat-widget
 * messages for every intent, attribute nouns of every product category, every way to urge or chase a
 * delivery, fault symptoms per device and household item, label-boundary pairs and out-of-scope breadth.
 */
import { lineList } from './line-list.js'
import type { MoreSpec } from './more-train.js'

export const moreEn5: MoreSpec = {
  greeting: {
    lines: lineList(`
      hiya
      howdy
      heya
      yo
      sup
      hey hey
      hi hi
      hello?
      hellooo
      helo
      hii
      hiii there
      good morning!
      morning
      afternoon
      evening all
      gm
      hey, you there?
      anyone home?
      anybody around
      is this chat live
      is this thing on
      you awake?
      ok
      okay
      okey
      k
      kk
      okie dokie
      alright
      alrighty
      cool
      cool cool
      great
      perfect
      awesome, thanks
      sounds good
      got it
      gotcha
      understood
      noted
      makes sense
      fair enough
      all good
      that's all
      that's everything
      nothing else
      no more questions
      I'm good
      i'm all set
      thanks
      thx
      ty
      tysm
      thank u
      cheers
      cheers mate
      much appreciated
      appreciate it
      thanks a bunch
      thanks, legend
      you're a star
      bye
      bye bye
      cya
      see ya
      later
      ttyl
      take care
      have a good one
      good night
      night night
      are you real
      r u a bot
      are you human or ai
      is this automated
      what are you
      who am i talking to
      what's ur name
      how old are you
      how's your day
      how you doing
      you ok?
      nice to meet you
      lol
      haha
      lmao ok
      :)
      👍
      🙂
      👋👋
      yes please
      yes, that one
      yep that's me
      no need
      nah
      nah, all good
      never mind
      nvm
      forget it, thanks
      just browsing
      just looking
    `),
    templates: [],
  },
  product_inquiry: {
    lines: lineList(`
      shelf life
      expiry date?
      best before?
      how long does it last once opened
      ingredients?
      ingredient list pls
      fragrance free?
      alcohol free?
      paraben free?
      cruelty free?
      vegan?
      safe in pregnancy?
      ok for sensitive skin?
      good for oily skin?
      non comedogenic?
      spf?
      what spf is it
      waterproof mascara?
      long wearing?
      how many ml
      volume?
      full size or travel size
      scent?
      what does it smell like
      how long does the scent last
      thread count
      what thread count are the sheets
      fabric?
      material?
      what's it made of
      cotton content?
      100% cotton?
      fabric weight?
      gsm?
      how heavy is the fabric
      thick or thin
      see through?
      breathable?
      stretchy?
      any stretch?
      lined?
      does it pill
      will it shrink
      does it shed
      colourfast?
      real leather?
      genuine leather?
      down or feather
      fill power?
      down fill weight
      machine washable?
      dry clean only?
      washing instructions
      can I iron it
      sole material?
      rubber sole?
      non slip sole?
      heel height?
      arch support?
      removable insole?
      wide toe box?
      battery?
      battery size
      mAh?
      battery life?
      how long does the battery last
      standby time?
      fast charging?
      wireless charging?
      charging time?
      waterproof?
      water resistant rating
      ip rating?
      ip68?
      can I swim with it
      shower proof?
      screen size?
      display?
      refresh rate?
      resolution?
      brightness?
      chip?
      processor?
      which cpu
      ram?
      storage?
      expandable storage?
      sd card slot?
      5g?
      dual sim?
      nfc?
      headphone jack?
      usb c?
      bluetooth version?
      codec support? aptx?
      anc?
      noise cancelling?
      latency?
      gaming latency
      multipoint?
      can I use one earbud
      weight?
      how heavy
      thickness?
      laptop weight
      gpu?
      dedicated graphics?
      upgradable ram?
      ssd or hdd
      ports?
      hdmi port?
      thunderbolt?
      backlit keyboard?
      touchscreen?
      does the watch have gps
      heart rate?
      blood oxygen?
      sleep tracking?
      can it take calls
      notifications?
      strap material?
      interchangeable straps?
      case size?
      always on display?
      wattage?
      voltage?
      does it work on 110v
      uk plug?
      eu plug?
      noise level?
      how loud is it
      capacity?
      how many litres
      inner pot material
      non stick coating safe?
      pfoa free?
      induction compatible?
      oven safe?
      dishwasher safe?
      microwave safe?
      bpa free?
      food grade?
      sheet dimensions?
      duvet tog?
      tog rating?
      pillow loft?
      memory foam?
      warranty length?
      how long is the warranty
      international warranty?
      genuine?
      authentic?
      is it original
      how do I check it's real
      serial number check
      made where?
      country of origin?
      is it the global version
      manual?
      instructions?
      how do I use it
      how to pair
      how to reset
      assembly needed?
      easy to install?
      iphone compatible?
      works with android?
      compatible with X2 Pro?
      mac compatible?
      age range
      certified?
      ce marked?
      dimensions?
      what size is the box
      what's in the box
      charger included?
      cable included?
    `),
    templates: [],
  },
  price_promotion: {
    lines: lineList(`
      price?
      how much
      how much?
      cost?
      how much is it
      price pls
      whats the price
      any discount
      discount?
      discount code?
      promo code?
      coupon?
      voucher?
      coupon not working
      code doesn't work
      promo code invalid
      sale?
      any sales on
      when's the next sale
      black friday deals?
      cyber monday?
      will it go on sale
      price drop?
      will the price drop
      price protection?
      price dropped after i bought it
      refund the difference?
      can you price match
      cheaper elsewhere
      amazon has it cheaper
      price match?
      member price?
      loyalty discount?
      points?
      use my points
      how many points do I have
      student discount?
      nhs discount?
      military discount?
      first order discount
      welcome code?
      newsletter discount
      bundle deal?
      buy 2 get 1?
      multibuy?
      bulk discount?
      wholesale price?
      free shipping?
      shipping cost?
      delivery charge?
      how much is postage
      free delivery threshold
      shipping to alaska cost
      trade in?
      trade in value
      how much for my old phone
      gift with purchase?
      any freebies
      rrp?
      original price?
      final price?
      price with tax?
      is vat included
      tax included?
      deposit?
      too expensive
      pricey
      bit steep
      can you do better on price
      any wiggle room on price
      birthday discount?
      referral code?
      refer a friend
      stack coupons?
      flash sale?
      how much is the X2 Pro
      how much are the earbuds
      wool coat price
      how much for the silk pyjamas
      cashmere jumper price
    `),
    templates: [],
  },
  stock_availability: {
    lines: lineList(`
      in stock?
      stock?
      available?
      still available?
      any left?
      sold out?
      out of stock?
      back in stock?
      restock?
      restock date?
      when will it be back
      when's the restock
      coming back?
      discontinued?
      still making these?
      pre order?
      preorder available?
      pre-order or in stock
      sizes left?
      what sizes are left
      which sizes are in stock
      any smalls left
      medium in stock?
      large available?
      xl in stock?
      xxl?
      size 38 available?
      size 10 in stock?
      size 45?
      uk 9 left?
      colours left?
      what colours are available
      black in stock?
      any white ones left
      pink gone?
      512gb in stock?
      silver X2 Pro available?
      how many left
      stock level?
      only 2 left?
      can i get 20
      do you have 100 units
      bulk stock?
      other warehouse?
      in store?
      available in shops?
      notify me
      restock alert
      email me when back
      back in stock notification
      can you hold one
      reserve one?
      limited edition?
      purchase limit?
      why can't i add to cart
      says unavailable
      why is it greyed out
      new colours coming?
      new season in yet?
      spring range out?
      when do new arrivals drop
      earbuds in stock?
      down jacket in medium?
      running shoes size 43?
      foundation shade 120 in stock?
      rice cooker available?
      king size sheets in stock?
    `),
    templates: [],
  },
  size_advice: {
    lines: lineList(`
      size chart
      size chart?
      size guide?
      sizing?
      what size
      which size
      what size am i
      size for me?
      true to size?
      tts?
      runs small?
      runs big?
      size up?
      size down?
      fit?
      how does it fit
      5'6 130lbs
      5ft 10 170 lbs what size
      6'1 200lb
      165cm 55kg
      180cm 80 kg size?
      i'm 5'2 and petite
      i'm a size 12
      usually a medium
      normally wear L
      i'm a uk 10
      us 8 what size
      waist 32
      32 waist 30 leg
      chest 40 inches
      bust 34
      hips 38
      broad shoulders, which size
      big thighs what size
      foot length 26cm
      10 inch foot
      wide feet
      high instep
      eu 42 in us?
      uk 8 to eu
      us 9 = ?
      half size?
      between sizes
      in between M and L
      S or M?
      9 or 9.5
      inseam?
      length?
      how long is the coat on a 5'4 person
      kids size for 6 years old
      toddler size 2t?
      fit for a 3 year old
      unisex sizing?
      women's size in men's
      oversized fit, size down?
      room for a sweater underneath?
      ring size?
      hat size?
      strap fit small wrists?
      measurements?
      size conversion chart
    `),
    templates: [],
  },
  recommendation: {
    lines: lineList(`
      recommend?
      recommendations?
      suggestions?
      any suggestions
      what do you recommend
      which one
      which is better
      which should i get
      pick one for me
      help me choose
      your pick?
      best one?
      best seller?
      bestsellers
      most popular?
      top rated?
      customer favourite
      what's trending
      new arrivals worth it?
      gift ideas
      gift for her
      gift for him
      gift for mum
      gift for dad
      gift for a teacher
      secret santa under 20
      birthday gift ideas
      valentines gift
      mothers day gift
      fathers day ideas
      christmas gifts
      under 50
      under $100
      budget 300
      around 1000
      for students
      for commuting
      for running
      for gaming
      for travel
      for the gym
      for the office
      for photography
      for an elderly parent
      for dry skin
      for oily skin
      for flat feet
      for wide feet
      for winter
      for a small kitchen
      cheaper alternative?
      dupe?
      something similar?
      similar items?
      what goes with this
      matching trousers?
      what shoes with this dress
      complete the look
      bundle suggestion
      starter kit?
      entry level
      premium option?
      X2 or X2 Pro
      earbuds for calls?
      best laptop for coding
      best rice cooker
      comfiest bedding
      best pan set
      skincare set for a beginner
      something for a 10 year old
      dorm essentials
      camping stuff you'd suggest
    `),
    templates: [],
  },
  order_status: {
    lines: lineList(`
      order status
      order status?
      my order?
      where's my order at
      order update?
      has it shipped
      shipped yet?
      dispatched?
      dispatched yet?
      when will it ship
      when does it ship
      when will it be dispatched
      ship today?
      ship tomorrow?
      still not shipped?
      why hasn't it shipped
      processing?
      still processing
      how long is processing
      what does processing mean
      what does awaiting fulfilment mean
      packed yet?
      being packed?
      is it confirmed
      order confirmed?
      confirmation?
      didn't get a confirmation
      no order confirmation
      did my order go through
      did it go through
      order placed?
      payment went through?
      paid?
      is it paid
      order number?
      what's my order number
      can't find my order
      order disappeared
      order missing from account
      order cancelled?
      why was my order cancelled
      order on hold?
      why is it on hold
      stuck in processing
      pending?
      still pending
      awaiting payment?
      pre-order shipping date
      split shipment?
      shipping separately?
      partial shipment?
      order complete?
      fulfilled?
      ready to ship?
      dispatch time?
      weekend dispatch?
      same day dispatch?
      order KF202611180001 status
      check my order
      look up my order
      order history
      order progress
    `),
    templates: [],
  },
  logistics: {
    lines: lineList(`
      change delivery day
      deliver saturday instead
      tracking
      tracking?
      tracking number?
      tracking link?
      tracking pls
      track my parcel
      track order
      where's my parcel
      where's my package
      where is it
      where is it now
      parcel?
      package?
      eta
      eta?
      delivery date?
      delivery time?
      when will it arrive
      when will i get it
      arriving when
      arrive tomorrow?
      here today?
      how long to deliver
      how many days
      how long to london
      how long to new york
      delivery to scotland?
      deliver to ireland?
      po box ok?
      which courier
      courier?
      who's delivering
      dhl?
      ups or fedex
      royal mail?
      can it go by dpd
      express delivery?
      next day?
      can you rush it
      hurry up
      hurry please
      please chase
      chase the courier
      chase it up
      any update on delivery
      speed it up
      need it asap
      urgent delivery
      ship faster
      stuck in transit
      tracking not updating
      no tracking updates
      no movement for days
      stuck at depot
      stuck at customs
      customs hold
      out for delivery all day
      out for delivery but nothing
      missed delivery
      missed the courier
      redelivery?
      reschedule delivery
      leave it with neighbour
      safe place?
      leave at door
      parcel locker?
      collect from depot
      click and collect?
      pickup point?
      delivered but not here
      says delivered, nothing here
      marked delivered
      signed by someone else
      lost parcel
      parcel lost?
      package missing
      wrong address delivery
      delivered to wrong house
      damaged box
      box crushed
      returned to sender?
      why was it returned to sender
      delivery attempted?
      failed delivery
      courier number
      courier phone
      can't reach the driver
      driver didn't knock
      only got one box
      where's the second parcel
      shipping from where
      ships from?
      warehouse location
      international shipping?
      delivery delayed?
      delayed?
      late delivery
      running late?
      weather delay?
      holiday delivery times
      gonna be here by friday?
    `),
    templates: [],
  },
  modify_order: {
    lines: lineList(`
      change address
      wrong address
      update address
      new address
      edit address
      change shipping address
      change delivery address pls
      typo in address
      wrong postcode
      wrong zip code
      missing flat number
      change recipient
      change name on order
      change phone number
      wrong phone number
      change size
      swap size
      M to L
      change colour
      wrong colour selected
      switch to black
      change to white
      change model
      change to 256gb
      picked the wrong one, can I change it
      change quantity
      make it 2
      one more please
      add one more
      add an item
      add to my order
      add earbuds to my order
      combine orders
      merge my orders
      ship both orders together
      change shipping method
      upgrade to express
      switch to pickup
      change to click and collect
      add a note
      gift message?
      add gift wrap
      edit order
      modify order
      can i edit my order
      can i still change it
      change after payment?
      change before dispatch
      update my order
      wrong variant
      wrong style
      swap to the X2 Pro
      change the freebie
      hold dispatch, address changing
      don't ship yet, wrong address
    `),
    templates: [],
  },
  cancel_order: {
    lines: lineList(`
      cancel
      cancel it
      cancel pls
      cancel order
      cancel my order
      cancel this
      please cancel
      i want to cancel
      how to cancel
      how do i cancel
      can i cancel
      can i still cancel
      cancel before it ships
      not shipped yet, cancel
      already shipped, can i cancel
      intercept it
      stop the parcel
      recall the shipment
      ordered by mistake
      accidental order
      wrong order, cancel
      duplicate order
      ordered twice
      cancel the duplicate
      cancel one of them
      cancel one item
      remove an item and cancel it
      cancel the pre order
      cancel preorder
      cancel deposit
      changed my mind
      don't want it anymore
      dont need it now
      no longer needed
      found it cheaper, cancel
      taking too long, cancel
      too slow, cancel it
      cancel and refund
      cancel, refund to card?
      when do i get money back after cancelling
      cancellation fee?
      cancel button missing
      can't cancel
      cancel not working
      cancellation request pending
      did my cancellation go through
      cancellation confirmed?
      void the order
      scrap the order
      kill the order
      abort order
      cancel KF202611180001
      cancel everything
      cancel all orders
    `),
    templates: [],
  },
  return_refund: {
    lines: lineList(`
      return
      refund
      returns?
      refund?
      refund status?
      refund status
      where's my refund
      refund pls
      i want a refund
      i want to return
      return it
      start a return
      return label?
      return label pls
      return address?
      where do i send returns
      return policy?
      returns policy
      how long to return
      return window?
      30 day return?
      7 day return?
      no reason return?
      can i return worn shoes
      tags removed, can i return
      opened, can i return
      exchange?
      exchange size
      exchange for a bigger size
      swap for a smaller size
      exchange colour
      how do exchanges work
      return shipping?
      return postage cost
      who pays return shipping
      free returns?
      return insurance?
      refund time?
      how long for refund
      refund not received
      refund still pending
      refunded yet?
      did you refund me
      partial refund?
      only got part of my refund
      refund to original payment?
      refund to store credit
      store credit instead?
      refund rejected
      return rejected
      return approved?
      return received?
      did you get my return
      sent it back
      posted the return
      pickup for return?
      collect the return
      doesn't fit, return
      don't like it, return
      wrong item, refund please
      broken, i want my money back
      faulty, refund me
      arrived damaged, refund
      missing item refund
      refund without return?
      keep it and refund?
      return one pair
      return part of order
      exchange status?
      where's my exchange
      late return ok?
      REFUND NOW
    `),
    templates: [],
  },
  after_sales_fault: {
    lines: lineList(`
      broken
      it's broken
      not working
      doesn't work
      stopped working
      won't turn on
      wont power on
      dead
      it died
      won't charge
      not charging
      charges slowly
      gets hot when charging
      overheating
      runs hot
      battery drains fast
      battery dies quickly
      battery swollen
      crashes
      keeps crashing
      app crashes
      app keeps closing
      freezes
      frozen screen
      stuck on logo
      boot loop
      keeps restarting
      random reboots
      black screen
      white screen
      screen flickering
      screen flicker
      lines on screen
      dead pixel
      touchscreen not responding
      ghost touch
      no sound
      no audio
      crackling
      buzzing
      static noise
      hissing sound
      one earbud not working
      left earbud dead
      right side quiet
      won't pair
      bluetooth keeps dropping
      disconnects
      mic not working
      people can't hear me
      anc not working
      case won't charge
      no signal
      wifi drops
      camera blurry
      camera won't open
      fingerprint not working
      face unlock fails
      buttons not working
      keyboard not typing
      sticky keys
      trackpad not clicking
      fan noise
      laptop slow
      blue screen
      laptop won't boot
      watch screen dead
      step count wrong
      heart rate wrong
      gps not working
      strap snapped
      cracked glass
      water inside
      foggy lens
      leaking
      leaks water
      leaks
      sparks
      trips the fuse
      won't heat up
      not heating
      not cooling
      no water coming out
      motor stopped
      burning smell
      weird smell
      smoke came out
      loud noise
      rattling
      clicking noise
      grinding noise
      warped pan
      coating peeling
      handle loose
      lid won't close
      rice undercooked
      pilling
      bobbling
      colour ran
      dye bleeding
      shrunk
      seam split
      stitching came undone
      sole came off
      glue failing
      zip broke
      zipper stuck
      button fell off
      hole in it
      down leaking out
      feathers poking through
      faded
      lost shape
      rubbing my heel
      sole cracked
      rash after use
      breakout
      burning sensation
      pump broken
      pump won't dispense
      separated formula
      smells off
      gone bad
      repair?
      how do i get it repaired
      warranty claim
      claim warranty
      under warranty?
      out of warranty repair
      repair cost?
      repair time?
      send for repair
      repair status
      still broken after repair
      replacement under warranty?
    `),
    templates: [],
  },
  invoice_payment: {
    lines: lineList(`
      invoice
      invoice?
      invoice pls
      need an invoice
      vat invoice
      vat receipt
      tax invoice
      company invoice
      invoice with company name
      add vat number
      vat number on invoice
      receipt?
      receipt please
      proof of purchase
      where's my invoice
      download invoice
      invoice not received
      invoice wrong
      reissue invoice
      correct my invoice
      invoice by post?
      itemised invoice
      payment methods?
      how can i pay
      pay by card?
      paypal?
      apple pay?
      google pay?
      klarna?
      afterpay?
      clearpay?
      installments?
      pay monthly?
      interest free?
      bank transfer?
      wire transfer
      cash on delivery?
      cod?
      amex accepted?
      debit card ok?
      crypto accepted?
      gift card?
      use gift card
      store credit payment
      payment failed
      payment declined
      card declined
      card rejected
      transaction failed
      checkout error
      can't pay
      payment page won't load
      3d secure failing
      charged twice
      double charged
      charged two times
      duplicate charge
      overcharged
      wrong amount charged
      charged but no order
      money taken, order unpaid
      paid but says unpaid
      pending charge
      payment pending?
      pay in another currency
      pay in euros?
      pay for someone else
      split payment
      two cards?
      billing issue
    `),
    templates: [],
  },
  complaint: {
    lines: lineList(`
      complaint
      i want to complain
      formal complaint
      file a complaint
      terrible
      awful
      horrible service
      shocking service
      useless
      useless service
      rubbish
      quality is rubbish
      poor quality
      cheap junk
      junk
      garbage
      scam
      scammers
      rip off
      false advertising
      not as described
      misleading photos
      fake product
      counterfeit
      disgusting
      disgraceful
      unacceptable
      ridiculous
      pathetic
      appalling
      rude staff
      rude agent
      rude driver
      driver was rude
      courier threw my parcel
      driver swore at me
      nobody replies
      no one answers
      ignored
      third time asking
      asked 5 times
      still waiting weeks
      weeks late, compensation
      want compensation
      compensate me
      make it right
      give me compensation
      1 star
      one star review
      leaving a bad review
      reporting you
      report you to trading standards
      going to the bbb
      chargeback incoming
      contacting my bank
      taking legal action
      see you in court
      never again
      never buying again
      worst shop ever
      worst experience
      so disappointed
      very unhappy
      fed up
      sick of this
      had enough
      lied to me
      broken promises
      you promised
      missing freebie, lies
      packaging destroyed, disgraceful
      let me speak to your boss to complain
      escalate my complaint
      complaint reference?
    `),
    templates: [],
  },
  human_agent: {
    lines: lineList(`
      human
      human please
      human!!
      a human
      real human
      real person
      person please
      agent
      agent please
      live agent
      live chat
      live person
      talk to a person
      speak to someone
      speak to a human
      connect me to a human
      transfer me
      transfer to agent
      operator
      representative
      rep please
      customer service rep
      staff please
      can i talk to staff
      manager
      supervisor
      your manager please
      get me a supervisor
      not a bot
      no bots
      stop the bot
      bot is useless, human
      real support
      someone real
      phone number
      support phone
      call me
      call back please
      can i call you
      contact number
      hotline
      whatsapp support?
      email support
      support email?
      is a human available
      when are agents online
      agent hours
      queue for agent
      hmn
      humna
      human agnet
    `),
    templates: [],
  },
  out_of_scope: {
    lines: lineList(`
      tell me a joke
      another joke
      a riddle
      sing a song
      can you sing
      can you dance
      rap for me
      write a poem
      write a haiku
      write a story
      write my essay
      do my homework
      1+1=?
      2+2
      what's 7 x 8
      what is 15% of 80
      square root of 144
      solve x^2 = 9
      convert 10 miles to km
      how many ounces in a pound
      weather?
      weather today
      will it rain tomorrow
      temperature in paris
      what time is it
      what day is it
      what's the date
      how many days till christmas
      time in tokyo
      aapl
      tsla price
      nvda stock
      s&p 500 today
      dow jones
      bitcoin price
      btc
      eth to usd
      should i buy doge
      gold price today
      exchange rate gbp usd
      taylor swift
      elon musk
      beyonce age
      who is messi
      lebron stats
      who is the president
      prime minister?
      capital of france
      tallest mountain
      population of china
      speed of light
      who invented the lightbulb
      translate hello to spanish
      how do you say thanks in french
      spell necessary
      define serendipity
      write python code
      fix my javascript
      what is an api
      how to learn java
      how do i lose weight
      keto diet
      headache remedy
      flu symptoms
      can't sleep
      recipe for pancakes
      how to boil an egg
      what's for dinner
      pizza near me
      book a flight
      cheap hotels in rome
      train times
      uber
      order a taxi
      premier league results
      who won the super bowl
      nba scores
      messi or ronaldo
      fortnite tips
      best minecraft seed
      recommend a movie
      good tv shows
      song recommendations
      book recommendation
      podcast suggestions
      i'm bored
      i'm lonely
      talk to me
      do you have a girlfriend
      will you marry me
      do you love me
      dating advice
      meaning of life
      are aliens real
      is the earth flat
      does god exist
      test
      testing
      test 123
      asdfgh
      qwerty
      zzz
      ???
      ...
      hmm?
      lorem ipsum
      how to start a shopify store
      dropshipping tips
      how to grow on tiktok
      amazon return
      ebay refund
      netflix cancel
      spotify premium
      paypal login help
      gmail password reset
      my samsung fridge is broken
      whirlpool washer leaking
      my iphone from apple store is broken
      when is the next iphone out
      best phone in the world
      iphone vs pixel
      mortgage rates
      how to file taxes
      car insurance quote
      rent advice
      my dog is sick
      cat won't eat
      how to grow tomatoes
      are you hiring
      job application
      send me money
      lend me 20 quid
      order me a pizza
    `),
    templates: [],
  },
}
